using System.Globalization;
using BriefingBot.Briefing;
using BriefingBot.Delivery;
using BriefingBot.Timeline;
using Quartz;

namespace BriefingBot.Scheduling;

/// <summary>
/// Posts one reminder: the milestone (read fresh from the timeline, so the post quotes the current source) a lead
/// time ahead, into one channel. A reminder whose milestone has passed, left the timeline, been superseded or moved
/// is skipped and logged; one that fired late because the bot was down is sent once if its milestone is still ahead.
/// </summary>
public sealed class ReminderJob(
    ITimelineSource timeline,
    ScheduledDelivery delivery,
    SchedulePolicy policy,
    TimeProvider time,
    ILogger<ReminderJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var milestoneId = data.GetString(ScheduleKeys.Data.MilestoneId);
        var plannedDate = data.GetString(ScheduleKeys.Data.MilestoneDate);
        if (milestoneId is null
            || !SchedulePolicy.TryParseLeadTimes(data.GetString(ScheduleKeys.Data.Lead), out var leads, out _)
            || !ChannelAddress.TryParse(data.GetString(ScheduleKeys.Data.Channel), out var channel))
        {
            logger.LogError("Reminder trigger {Trigger} carries no valid milestone, lead and channel; skipped", context.Trigger.Key);
            return;
        }
        var lead = leads[0];
        var milestone = timeline.Timeline().FirstOrDefault(m => m.Id == milestoneId);
        var now = time.GetUtcNow();
        var reason = milestone is null ? "the milestone is no longer on the timeline" : WhyNotNow(milestone, plannedDate, lead, now);
        if (milestone is null || reason is not null)
        {
            logger.LogWarning("Reminder {Lead} for {Milestone} to {Channel} skipped: {Reason}", lead, milestoneId, channel, reason);
            return;
        }

        // Say how far ahead the milestone really is: a reminder sent late says "tomorrow", not "in 7 days".
        var post = new ReminderPost(milestone, TimeSpan.FromDays(milestone.Date.DayNumber - policy.LocalDate(now).DayNumber));
        await delivery.DeliverAsync(
            context,
            PostKinds.Reminder,
            ScheduleKeys.ReminderDelivery(milestone.Id, lead, channel),
            channel,
            policy.ReminderInstant(milestone.Date, lead),
            post,
            cancellationToken);
    }

    /// <summary>Why this reminder should not be posted now, or null when it should.</summary>
    private string? WhyNotNow(Milestone milestone, string? plannedDate, LeadTime lead, DateTimeOffset now) => milestone switch
    {
        { SupersededBy: { } newer } => $"the milestone is superseded by {newer}",
        _ when milestone.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) != plannedDate =>
            $"the milestone moved to {milestone.Date:yyyy-MM-dd}; its re-planned reminder will post",
        _ when milestone.Date < policy.LocalDate(now) => $"the milestone ({milestone.Date:yyyy-MM-dd}) has passed",
        _ when !policy.IsLatestDueLead(milestone.Date, lead, now) => "a later reminder of the same milestone is due as well",
        _ => null,
    };
}
