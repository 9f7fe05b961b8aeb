using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using BriefingBot.Delivery;
using Microsoft.Extensions.Options;
using Quartz;

namespace BriefingBot.Scheduling;

/// <summary>How long before a milestone a reminder is posted, in whole days. <see cref="Iso"/> is the canonical
/// ISO-8601 spelling (<c>P7D</c>; <c>P2W</c> reads as <c>P14D</c>), part of every reminder's key.</summary>
public sealed record LeadTime(int Days)
{
    public string Iso => $"P{Days}D";

    public override string ToString() => Iso;
}

/// <summary>
/// <see cref="SchedulingOptions"/> parsed once: the zone, lead times, time of day and cron the planner and the
/// jobs compute with. The parsing lives here so that validation and use can never disagree.
/// </summary>
public sealed partial class SchedulePolicy
{
    public SchedulePolicy(IOptions<SchedulingOptions> options)
    {
        var value = options.Value;
        Zone = TryFindZone(value.TimeZone, out var zone) ? zone : throw Invalid(nameof(value.TimeZone));
        LeadTimes = TryParseLeadTimes(value.LeadTimes, out var leads, out _) ? leads : throw Invalid(nameof(value.LeadTimes));
        ReminderTime = TryParseTimeOfDay(value.ReminderTime, out var time) ? time : throw Invalid(nameof(value.ReminderTime));
        DigestCron = CronExpression.TryParse(value.DigestCron, out _) ? value.DigestCron : throw Invalid(nameof(value.DigestCron));
        DigestHorizonDays = value.DigestHorizonDays;
        DeliveryLease = value.DeliveryLease;
        Retry = value.MaxRetries == 0
            ? RetryPolicy.None
            : RetryPolicy.Exponential(value.MaxRetries, value.RetryDelay, factor: 2, maxDelay: MaxRetryDelay);
        ConfiguredSubscriptions = value.Subscriptions
            .Select(s => ChannelAddress.TryParse(s.Channel, out var channel)
                ? new Subscription(channel, s.Reminders, s.Digest)
                : throw Invalid(nameof(value.Subscriptions)))
            .ToList();
    }

    /// <summary>The longest lead time: a reminder more than a year ahead reminds nobody of anything.</summary>
    public const int MaxLeadDays = 366;

    /// <summary>The longest wait between two retries of a post (the validator keeps the first wait within it).</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    public TimeZoneInfo Zone { get; }

    /// <summary>Largest first, as they fire.</summary>
    public IReadOnlyList<LeadTime> LeadTimes { get; }

    public TimeOnly ReminderTime { get; }

    public string DigestCron { get; }

    public int DigestHorizonDays { get; }

    public TimeSpan DeliveryLease { get; }

    /// <summary>How the scheduler retries a post that failed transiently.</summary>
    public RetryPolicy Retry { get; }

    public IReadOnlyList<Subscription> ConfiguredSubscriptions { get; }

    /// <summary>The calendar date in <see cref="Zone"/> at <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// The instant of <see cref="ReminderTime"/> on <paramref name="date"/> in <see cref="Zone"/>. A time the clocks
    /// skip (02:30 on a spring-forward night) moves forward by the gap, as a wall clock would; a time that happens
    /// twice (autumn) is the first of the two, so nobody is reminded an hour late.
    /// </summary>
    public DateTimeOffset LocalTimeOn(DateOnly date)
    {
        var local = date.ToDateTime(ReminderTime, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (Zone.IsInvalidTime(local))
            offset = Zone.GetUtcOffset(local.AddDays(-1)); // the offset before the gap: 02:30 at +01:00 is 03:30 at +02:00
        else if (Zone.IsAmbiguousTime(local))
            offset = Zone.GetAmbiguousTimeOffsets(local).Max(); // the larger offset is the earlier instant
        else
            offset = Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>When the reminder <paramref name="lead"/> ahead of a milestone dated <paramref name="date"/> fires.</summary>
    public DateTimeOffset ReminderInstant(DateOnly date, LeadTime lead) => LocalTimeOn(date.AddDays(-lead.Days));

    /// <summary>
    /// Whether no smaller lead of the same milestone is due at <paramref name="now"/> as well. When the bot was down
    /// past several reminders of one milestone, only the latest of them (the smallest lead already due) is worth
    /// posting; the others are stale.
    /// </summary>
    public bool IsLatestDueLead(DateOnly milestoneDate, LeadTime lead, DateTimeOffset now) =>
        !LeadTimes.Any(other => other.Days < lead.Days && ReminderInstant(milestoneDate, other) <= now);

    internal static bool TryFindZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone);
    }

    internal static bool TryParseTimeOfDay(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>Parses <c>P7D,P1D,P0D</c>: whole days or weeks only, because a reminder is posted at
    /// <see cref="ReminderTime"/> on a day; duplicates collapse.</summary>
    internal static bool TryParseLeadTimes(string? text, out IReadOnlyList<LeadTime> leads, out string error)
    {
        leads = [];
        error = "";
        var parsed = new SortedSet<LeadTime>(Comparer<LeadTime>.Create((a, b) => b.Days.CompareTo(a.Days)));
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = IsoDays().Match(part.ToUpperInvariant());
            if (!match.Success)
            {
                error = $"'{part}' is not a whole number of days or weeks as an ISO-8601 duration (P7D, P2W, P0D)";
                return false;
            }
            var days = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) * (match.Groups["unit"].Value == "W" ? 7 : 1);
            if (days > MaxLeadDays)
            {
                error = $"'{part}' is more than {MaxLeadDays} days ahead";
                return false;
            }
            parsed.Add(new LeadTime(days));
        }
        if (parsed.Count == 0)
        {
            error = "no lead time given (e.g. P7D,P1D,P0D)";
            return false;
        }
        leads = [.. parsed];
        return true;
    }

    private static InvalidOperationException Invalid(string setting) =>
        new($"{SchedulingOptions.Section}:{setting} is invalid; options validation should have refused it at start.");

    [GeneratedRegex(@"^P(?<n>[0-9]{1,4})(?<unit>[DW])$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDays();
}
