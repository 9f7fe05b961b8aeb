using BriefingBot.Delivery;
using Microsoft.Extensions.Options;
using Quartz;

namespace BriefingBot.Scheduling;

/// <summary>
/// Refuses <see cref="SchedulingOptions"/> that cannot work, at start, with one message per bad setting that names
/// it as it is spelled in configuration (<c>Scheduling:LeadTimes: 'PT2H' is not ...</c>).
/// </summary>
public sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    private static readonly string[] Stores = ["sqlite", "postgres", "memory"];

    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        var failures = new List<string>();
        void Fail(string setting, string message) => failures.Add($"{SchedulingOptions.Section}:{setting}: {message}");

        if (!Stores.Contains(options.Store, StringComparer.OrdinalIgnoreCase))
            Fail(nameof(options.Store), $"'{options.Store}' is not one of {string.Join(", ", Stores)}");
        else if (options.Store.Equals("postgres", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.ConnectionString))
            Fail(nameof(options.ConnectionString), "is required when Store is postgres");

        if (options.ClusterCheckinInterval < TimeSpan.FromSeconds(1) || options.ClusterCheckinInterval > TimeSpan.FromMinutes(5))
            Fail(nameof(options.ClusterCheckinInterval), $"{options.ClusterCheckinInterval} is outside 00:00:01..00:05:00");

        if (!SchedulePolicy.TryFindZone(options.TimeZone, out _))
            Fail(nameof(options.TimeZone), $"'{options.TimeZone}' is not a known IANA time zone (e.g. Europe/Berlin, UTC)");

        if (!SchedulePolicy.TryParseLeadTimes(options.LeadTimes, out _, out var leadError))
            Fail(nameof(options.LeadTimes), leadError);

        if (!SchedulePolicy.TryParseTimeOfDay(options.ReminderTime, out _))
            Fail(nameof(options.ReminderTime), $"'{options.ReminderTime}' is not a time of day as HH:mm (e.g. 09:00)");

        if (!CronExpression.TryParse(options.DigestCron, out _))
            Fail(nameof(options.DigestCron), $"'{options.DigestCron}' is not a Quartz cron expression (seconds first, e.g. 0 0 9 ? * MON)");

        if (options.DigestHorizonDays is < 1 or > 366)
            Fail(nameof(options.DigestHorizonDays), $"{options.DigestHorizonDays} is outside 1..366");

        if (options.DeliveryLease < TimeSpan.FromSeconds(10) || options.DeliveryLease > TimeSpan.FromDays(1))
            Fail(nameof(options.DeliveryLease), $"{options.DeliveryLease} is outside 00:00:10..1.00:00:00");

        if (options.MaxRetries is < 0 or > 20)
            Fail(nameof(options.MaxRetries), $"{options.MaxRetries} is outside 0..20");

        if (options.RetryDelay < TimeSpan.FromSeconds(1) || options.RetryDelay > SchedulePolicy.MaxRetryDelay)
            Fail(nameof(options.RetryDelay), $"{options.RetryDelay} is outside 00:00:01..{SchedulePolicy.MaxRetryDelay}");

        var seen = new HashSet<ChannelAddress>();
        for (var i = 0; i < options.Subscriptions.Count; i++)
        {
            var text = options.Subscriptions[i].Channel;
            if (!ChannelAddress.TryParse(text, out var channel))
                Fail($"{nameof(options.Subscriptions)}:{i}:Channel", $"'{text}' is not platform:id (e.g. discord:1234, teams:19:abc@thread.tacv2)");
            else if (!seen.Add(channel))
                Fail($"{nameof(options.Subscriptions)}:{i}:Channel", $"'{text}' is listed twice");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
