using BriefingBot.Briefing;

namespace BriefingBot.Delivery;

/// <summary>
/// Posts to <c>log:&lt;name&gt;</c> channels by writing the rendered post to the log: subscribe <c>log:local</c> to
/// watch reminders and digests on a machine with no chat platform configured.
/// </summary>
public sealed class LogChannelPoster(ILogger<LogChannelPoster> logger) : IChannelPoster
{
    public const string LogPlatform = "log";

    public string Platform => LogPlatform;

    public Task<DeliveryResult> PostAsync(ChannelAddress channel, Post post, CancellationToken cancellationToken)
    {
        logger.LogInformation("Post to {Channel}:\n{Text}", channel, PostText.Render(post));
        return Task.FromResult(DeliveryResult.Delivered);
    }
}
