using BriefingBot.Briefing;
using BriefingBot.Delivery;
using Quartz;

namespace BriefingBot.Scheduling;

/// <summary>
/// Posts the digest into one channel on its cron: milestones in the next <see cref="SchedulingOptions.DigestHorizonDays"/>
/// days, and the articles and quotations indexed since the last digest this channel received (read from the ledger,
/// so it survives restarts).
/// </summary>
public sealed class DigestJob(
    ITimelineSource timeline,
    IDeliveryLedger ledger,
    ScheduledDelivery delivery,
    SchedulePolicy policy,
    TimeProvider time,
    ILogger<DigestJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!ChannelAddress.TryParse(context.MergedJobDataMap.GetString(ScheduleKeys.Data.Channel), out var channel))
        {
            logger.LogError("Digest trigger {Trigger} carries no valid channel; skipped", context.Trigger.Key);
            return;
        }
        // Keyed by the scheduled occurrence (a retry or a misfire of it is the same digest); recorded as of the moment
        // it was built, which is where the next digest's "since" starts.
        var occurrence = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var asOf = time.GetUtcNow();
        var since = await ledger.LastDeliveredAsync(PostKinds.Digest, channel.ToString(), cancellationToken);
        var digest = timeline.BuildDigest(policy.LocalDate(asOf), policy.DigestHorizonDays, since);
        await delivery.DeliverAsync(
            context, PostKinds.Digest, ScheduleKeys.DigestDelivery(occurrence, channel), channel, asOf, new DigestPost(digest), cancellationToken);
    }
}
