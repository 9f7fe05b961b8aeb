namespace BriefingBot.Scheduling;

/// <summary>Where one delivery stands in the ledger.</summary>
public enum DeliveryState
{
    /// <summary>Claimed by a firing that is sending it now (until its lease runs out).</summary>
    Pending,

    /// <summary>The poster said it was delivered. Never sent again.</summary>
    Delivered,

    /// <summary>It will never succeed (permanent failure, or retries exhausted). Never sent again.</summary>
    Failed,

    /// <summary>The last attempt failed transiently or was interrupted: the next firing may claim it.</summary>
    Retry,
}

/// <summary>What a firing learned when it tried to claim a delivery.</summary>
public enum ClaimOutcome
{
    /// <summary>This firing owns the delivery until its lease runs out: send it.</summary>
    Claimed,

    /// <summary>Delivered or failed already: do nothing.</summary>
    AlreadySettled,

    /// <summary>Another firing holds a live claim: try again after its lease.</summary>
    HeldElsewhere,
}

/// <summary>A claim on one delivery, made before anything is sent.</summary>
/// <param name="Key">The delivery's identity (<see cref="ScheduleKeys.ReminderDelivery"/>, <see cref="ScheduleKeys.DigestDelivery"/>).</param>
/// <param name="Kind"><c>reminder</c> or <c>digest</c>.</param>
/// <param name="Occurrence">What the post is as of: a reminder's planned instant; the moment a digest was built,
/// which is where the next digest's "since the last digest" starts.</param>
/// <param name="Owner">The firing that claims it; only the owner settles it.</param>
public sealed record DeliveryClaim(
    string Key, string Kind, string Channel, DateTimeOffset Occurrence, string Owner, DateTimeOffset Now, DateTimeOffset LeaseUntil);

/// <summary>One row of the ledger.</summary>
public sealed record DeliveryRecord(
    string Key, string Kind, string Channel, DateTimeOffset Occurrence, DeliveryState State, int Attempts, string? Detail);

/// <summary>
/// The exactly-once guard: every scheduled post is claimed here before it is sent and settled after the poster
/// answers, in the same database as the job store. Whatever Quartz does (a misfire fired once now, a trigger
/// re-planned by a reindex, a retry, a restart) a settled delivery is never sent again.
/// <para>
/// The one window left is a crash after the poster returned and before the settle was written: the claim is then
/// still pending, and once its lease has run out (or at the next start of a single-node store) it is claimed and
/// sent again. Reminders are therefore at-least-once across that window and exactly-once everywhere else — a post
/// is never lost, and is duplicated only if the process dies in the milliseconds between the platform accepting
/// it and one local write.
/// </para>
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>Creates the ledger's table if it is missing. Idempotent.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    /// <summary>Claims the delivery atomically: a new key, one left for retry, or one whose lease has run out.</summary>
    Task<ClaimOutcome> TryClaimAsync(DeliveryClaim claim, CancellationToken cancellationToken);

    /// <summary>Records how the owner's attempt ended; ignored when <paramref name="owner"/> no longer holds it.</summary>
    Task SettleAsync(string key, string owner, DeliveryState state, string? detail, DateTimeOffset now, CancellationToken cancellationToken);

    Task<DeliveryRecord?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Keys of <paramref name="kind"/> that are delivered or failed: nothing to plan for them.</summary>
    Task<IReadOnlySet<string>> SettledKeysAsync(string kind, CancellationToken cancellationToken);

    /// <summary>The <see cref="DeliveryClaim.Occurrence"/> of the latest delivered post of <paramref name="kind"/> to <paramref name="channel"/>.</summary>
    Task<DateTimeOffset?> LastDeliveredAsync(string kind, string channel, CancellationToken cancellationToken);

    /// <summary>Turns every pending claim into a retry. Only for a single-node store at start, when no claim
    /// can be live: its owner died with the previous process.</summary>
    Task<int> ReleasePendingAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Kinds of scheduled post, as the ledger and the <c>reminders</c> verb spell them.</summary>
public static class PostKinds
{
    public const string Reminder = "reminder";
    public const string Digest = "digest";
}
