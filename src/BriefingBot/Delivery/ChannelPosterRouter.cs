using BriefingBot.Briefing;

namespace BriefingBot.Delivery;

/// <summary>
/// Hands a post to the <see cref="IChannelPoster"/> of the channel's platform. A channel whose platform has no poster
/// (a typo in a subscription, a platform left unconfigured) is a permanent failure for that channel alone.
/// Every outcome is counted in <see cref="BriefingMetrics"/> (posts sent, posts failed).
/// </summary>
public sealed class ChannelPosterRouter
{
    private readonly Dictionary<string, IChannelPoster> posters;
    private readonly BriefingMetrics? metrics;
    private readonly ILogger<ChannelPosterRouter> logger;

    /// <param name="metrics">Where outcomes are counted; none when null.</param>
    public ChannelPosterRouter(IEnumerable<IChannelPoster> posters, ILogger<ChannelPosterRouter> logger, BriefingMetrics? metrics = null)
    {
        // The last registration of a platform wins, as it does for any single service in the container.
        this.posters = new Dictionary<string, IChannelPoster>(StringComparer.OrdinalIgnoreCase);
        foreach (var poster in posters) this.posters[poster.Platform] = poster;
        this.metrics = metrics;
        this.logger = logger;
    }

    public async Task<DeliveryResult> PostAsync(ChannelAddress channel, Post post, CancellationToken cancellationToken)
    {
        var result = await RouteAsync(channel, post, cancellationToken);
        var kind = post is DigestPost ? "digest" : "reminder";
        if (result.Status == DeliveryStatus.Delivered) metrics?.PostSent(kind, channel.Platform);
        else metrics?.PostFailed(kind, channel.Platform, permanent: result.Status == DeliveryStatus.PermanentFailure);
        return result;
    }

    private async Task<DeliveryResult> RouteAsync(ChannelAddress channel, Post post, CancellationToken cancellationToken)
    {
        if (!posters.TryGetValue(channel.Platform, out var poster))
        {
            logger.LogWarning("No poster for platform {Platform}: nothing can be posted to {Channel}", channel.Platform, channel);
            return new DeliveryResult(DeliveryStatus.PermanentFailure, $"no poster for platform '{channel.Platform}'");
        }
        try
        {
            return await poster.PostAsync(channel, post, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Posters return failures rather than throw; one that throws anyway (a bug, an HTTP timeout surfacing as
            // a cancellation nobody asked for) gets the bounded retries of a transient failure instead of taking the
            // scheduler's firing down with it.
            logger.LogError(e, "The {Platform} poster threw while posting to {Channel}", channel.Platform, channel);
            return new DeliveryResult(DeliveryStatus.TransientFailure, e.Message);
        }
    }
}
