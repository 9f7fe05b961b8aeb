using System.Collections.Concurrent;
using BriefingBot.Delivery;

namespace BriefingBot.Tests.Discord;

/// <summary>A subscription store kept in memory, standing in for the scheduler's persistent one.</summary>
public sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly ConcurrentDictionary<ChannelAddress, Subscription> subscriptions = new();

    public Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Subscription>>([.. subscriptions.Values]);

    public Task SubscribeAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        subscriptions[subscription.Channel] = subscription;
        return Task.CompletedTask;
    }

    public Task<bool> UnsubscribeAsync(ChannelAddress channel, CancellationToken cancellationToken = default) =>
        Task.FromResult(subscriptions.TryRemove(channel, out _));
}
