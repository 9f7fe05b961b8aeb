namespace BriefingBot.Delivery;

/// <summary>A channel that receives reminders and/or digests.</summary>
public sealed record Subscription(ChannelAddress Channel, bool Reminders = true, bool Digest = true);

/// <summary>
/// Subscriptions made at runtime by the chat adapters (<c>/subscribe</c>), persisted beside the job store,
/// merged with the ones in configuration. Changing them reschedules.
/// </summary>
public interface ISubscriptionStore
{
    Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken = default);

    Task SubscribeAsync(Subscription subscription, CancellationToken cancellationToken = default);

    /// <summary>Returns false when the channel was not subscribed.</summary>
    Task<bool> UnsubscribeAsync(ChannelAddress channel, CancellationToken cancellationToken = default);
}
