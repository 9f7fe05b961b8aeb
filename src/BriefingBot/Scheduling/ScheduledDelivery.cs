using BriefingBot.Briefing;
using BriefingBot.Delivery;
using Quartz;

namespace BriefingBot.Scheduling;

/// <summary>
/// Sends one scheduled post exactly once: claim it in the <see cref="IDeliveryLedger"/>, post it, settle the claim
/// with the poster's answer. A permanent failure is recorded and never retried; a transient one is handed back to
/// Quartz's retry policy (exponential backoff, bounded) and recorded as failed when the attempts run out. One
/// channel's failure never touches another's: each (post, channel) is its own trigger and its own ledger row.
/// </summary>
public sealed class ScheduledDelivery(
    IDeliveryLedger ledger,
    ChannelPosterRouter posters,
    SchedulePolicy policy,
    TimeProvider time,
    ILogger<ScheduledDelivery> logger)
{
    /// <summary>Claims, posts and settles <paramref name="post"/> to <paramref name="channel"/> under <paramref name="key"/>.</summary>
    /// <param name="asOf">What the post is as of, stored with the claim: a reminder's planned instant, the moment a
    /// digest was built (the next digest covers what came after it).</param>
    /// <exception cref="JobExecutionException">The post failed transiently (or another firing holds a digest) and the
    /// firing's retry policy has attempts left: Quartz fires it again after the backoff.</exception>
    public async Task DeliverAsync(
        IJobExecutionContext context,
        string kind,
        string key,
        ChannelAddress channel,
        DateTimeOffset asOf,
        Post post,
        CancellationToken cancellationToken)
    {
        var owner = context.FireInstanceId;
        var now = time.GetUtcNow();
        var claim = await ledger.TryClaimAsync(
            new DeliveryClaim(key, kind, channel.ToString(), asOf, owner, now, now + policy.DeliveryLease), cancellationToken);
        switch (claim)
        {
            case ClaimOutcome.AlreadySettled:
                logger.LogInformation("{Key} was already delivered or given up on; not posting it again", key);
                return;
            case ClaimOutcome.HeldElsewhere when kind == PostKinds.Reminder:
                var lookAgain = now + policy.DeliveryLease;
                await LookAgainAsync(context, key, lookAgain, cancellationToken);
                logger.LogInformation("{Key} is being sent by another firing; looking again at {At:u}, in case that firing died", key, lookAgain);
                return;
            case ClaimOutcome.HeldElsewhere:
                logger.LogInformation("{Key} is being sent by another firing; trying again later", key);
                throw new JobExecutionException($"{key} is claimed by another firing");
        }

        DeliveryResult result;
        try
        {
            result = await posters.PostAsync(channel, post, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-send: leave it claimable, so the next start sends it (the plan re-creates its trigger).
            await ledger.SettleAsync(key, owner, DeliveryState.Retry, "interrupted by shutdown", time.GetUtcNow(), CancellationToken.None);
            throw;
        }

        switch (result.Status)
        {
            case DeliveryStatus.Delivered:
                await ledger.SettleAsync(key, owner, DeliveryState.Delivered, null, time.GetUtcNow(), CancellationToken.None);
                logger.LogInformation("Posted {Key}", key);
                break;
            case DeliveryStatus.PermanentFailure:
                await ledger.SettleAsync(key, owner, DeliveryState.Failed, result.Detail, time.GetUtcNow(), CancellationToken.None);
                logger.LogWarning("Could not post {Key}, and never will: {Detail}", key, result.Detail);
                break;
            case DeliveryStatus.TransientFailure when context.RetryPolicy is { } retry && context.RetryAttempt < retry.MaxAttempts:
                await ledger.SettleAsync(key, owner, DeliveryState.Retry, result.Detail, time.GetUtcNow(), CancellationToken.None);
                logger.LogWarning("Posting {Key} failed (attempt {Attempt}), retrying later: {Detail}", key, context.RetryAttempt + 1, result.Detail);
                throw new JobExecutionException($"posting {key} failed transiently: {result.Detail}");
            default:
                var detail = $"gave up after {context.RetryAttempt + 1} attempts: {result.Detail}";
                await ledger.SettleAsync(key, owner, DeliveryState.Failed, detail, time.GetUtcNow(), CancellationToken.None);
                logger.LogError("Could not post {Key}: {Detail}", key, detail);
                break;
        }
    }

    /// <summary>
    /// The claim's owner normally settles it; but it may be a replica that died mid-send, and then nobody may send
    /// until its lease has run out. So one more firing of the same reminder is scheduled for then, whatever retries this
    /// firing has left: a firing Quartz recovered from a dead replica carries no retry policy at all. Keyed by the
    /// delivery (idempotent); the ledger makes the extra firing a no-op when the owner did deliver. Reminders only: a
    /// reminder's delivery follows from its job data, a digest's from its trigger's scheduled time.
    /// </summary>
    private async Task LookAgainAsync(IJobExecutionContext context, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var data = new JobDataMap();
        foreach (var (name, value) in context.MergedJobDataMap) data[name] = value;
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(ScheduleKeys.LookAgain(key))
            .ForJob(context.JobDetail.Key)
            .UsingJobData(data)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .WithRetryPolicy(policy.Retry)
            .Build();
        await context.Scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }
}
