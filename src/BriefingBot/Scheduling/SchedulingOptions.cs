namespace BriefingBot.Scheduling;

/// <summary>
/// When and where the bot posts reminders and digests. Section <c>Scheduling</c>; every default is stated here and
/// in <c>config/appsettings.json</c>. Checked at start by <see cref="SchedulingOptionsValidator"/>, whose messages
/// name the setting (<c>Scheduling:TimeZone</c>) that is wrong.
/// </summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Job store, delivery ledger and runtime subscriptions: <c>sqlite</c> (default), <c>postgres</c> or
    /// <c>memory</c> (nothing survives a restart: for tests and throwaway runs).</summary>
    public string Store { get; set; } = "sqlite";

    /// <summary>ADO.NET connection string of the store. Empty means, for <c>sqlite</c>,
    /// <c>Data Source={BriefingBot:Data}/briefingbot.db</c>; required for <c>postgres</c>; ignored for <c>memory</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary><c>postgres</c> only: how often each replica tells the cluster it is alive. A replica silent for this
    /// long again is taken for dead, and the others fire the reminders it had taken on. Default 7.5 seconds
    /// (Quartz's own default).</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = DefaultClusterCheckinInterval;

    /// <summary>Quartz's own check-in interval: 7.5 seconds.</summary>
    public static readonly TimeSpan DefaultClusterCheckinInterval = TimeSpan.FromMilliseconds(7500);

    /// <summary>IANA time zone the reminder time and the digest cron are read in. Default <c>UTC</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How long before a milestone reminders are posted: comma-separated ISO-8601 durations in whole days
    /// or weeks (<c>P7D</c>, <c>P2W</c>; <c>P0D</c> is the day itself). Default <c>P7D,P1D,P0D</c>.</summary>
    public string LeadTimes { get; set; } = "P7D,P1D,P0D";

    /// <summary>Local time of day (<c>HH:mm</c>, in <see cref="TimeZone"/>) reminders are posted at. Default <c>09:00</c>.</summary>
    public string ReminderTime { get; set; } = "09:00";

    /// <summary>Quartz cron expression (seconds first) of the digest, in <see cref="TimeZone"/>.
    /// Default <c>0 0 9 ? * MON</c>: Mondays at 09:00.</summary>
    public string DigestCron { get; set; } = "0 0 9 ? * MON";

    /// <summary>How many days ahead the digest lists milestones. Default 14.</summary>
    public int DigestHorizonDays { get; set; } = 14;

    /// <summary>Channels that receive posts, besides those subscribed at runtime (a runtime change to the same
    /// channel wins). Default none.</summary>
    public List<SubscriptionOptions> Subscriptions { get; set; } = [];

    /// <summary>How long a delivery claim holds before another attempt may take it over: longer than a poster's
    /// own retries take, short enough that a send interrupted by a crash is retried soon. Default 5 minutes.</summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a post that failed transiently is tried again, with exponential backoff from
    /// <see cref="RetryDelay"/> (doubling, at most an hour), before it is recorded as failed. Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The wait before the first retry of a transiently failed post. Default 1 minute.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>One configured subscription: <c>{"Channel": "discord:123", "Reminders": true, "Digest": true}</c>.</summary>
public sealed class SubscriptionOptions
{
    /// <summary><c>discord:&lt;channel id&gt;</c>, <c>teams:&lt;conversation id&gt;</c> or <c>log:&lt;name&gt;</c>.</summary>
    public string Channel { get; set; } = "";

    /// <summary>Whether the channel gets milestone reminders. Default true.</summary>
    public bool Reminders { get; set; } = true;

    /// <summary>Whether the channel gets the scheduled digest. Default true.</summary>
    public bool Digest { get; set; } = true;
}
