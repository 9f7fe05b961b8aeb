using BriefingBot.Briefing;

namespace BriefingBot.Delivery;

/// <summary>The outcome of one delivery attempt, after the poster's own retries.</summary>
public enum DeliveryStatus
{
    Delivered,

    /// <summary>Will never succeed as it stands (unknown channel, no permission, bot removed): record it, do not retry.</summary>
    PermanentFailure,

    /// <summary>Retries were exhausted on transient errors; a later attempt may succeed.</summary>
    TransientFailure,
}

public sealed record DeliveryResult(DeliveryStatus Status, string? Detail = null)
{
    public static DeliveryResult Delivered { get; } = new(DeliveryStatus.Delivered);
}

/// <summary>
/// Posts a scheduled <see cref="Post"/> into a channel of one platform, rendering it in that platform's format.
/// Implementations retry transient failures and honour rate limits themselves; they never throw for a
/// failed delivery, they return it.
/// </summary>
public interface IChannelPoster
{
    /// <summary>The platform prefix of the channels this poster serves (<see cref="ChannelAddress.Discord"/>…).</summary>
    string Platform { get; }

    Task<DeliveryResult> PostAsync(ChannelAddress channel, Post post, CancellationToken cancellationToken);
}
