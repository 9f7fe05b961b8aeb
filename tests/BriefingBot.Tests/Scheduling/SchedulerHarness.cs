using System.Collections.Concurrent;
using BriefingBot.Briefing;
using BriefingBot.Hosting;
using BriefingBot.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace BriefingBot.Tests.Scheduling;

/// <summary>
/// The scheduler as <c>serve</c> runs it (generic host, Quartz, the configured store), on a fake clock the test moves,
/// with a fixed timeline and recording posters. <see cref="StartAsync"/> again after <see cref="StopAsync"/> is a
/// restart on the same store (same data folder).
/// </summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, string?> settings;
    private IHost? host;

    public SchedulerHarness(DateTimeOffset now, string store = "sqlite", IDictionary<string, string?>? settings = null, params string[] channels)
    {
        Clock = new FakeTimeProvider(now);
        this.settings = new Dictionary<string, string?>
        {
            ["BriefingBot:Data"] = folder.Combine("data"),
            ["Scheduling:Store"] = store,
            ["Scheduling:TimeZone"] = "UTC",
            ["Scheduling:LeadTimes"] = "P7D,P1D,P0D",
            ["Scheduling:ReminderTime"] = "09:00",
            ["Scheduling:RetryDelay"] = "00:01:00",
            ["Scheduling:MaxRetries"] = "3",
        };
        for (var i = 0; i < channels.Length; i++)
        {
            this.settings[$"Scheduling:Subscriptions:{i}:Channel"] = channels[i];
            this.settings[$"Scheduling:Subscriptions:{i}:Reminders"] = "true";
            this.settings[$"Scheduling:Subscriptions:{i}:Digest"] = "false";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) this.settings[key] = value;
    }

    public FakeTimeProvider Clock { get; }

    public FixedTimeline Timeline { get; } = new();

    /// <summary>When set (before start), the scheduler plans from this real briefing service instead of <see cref="Timeline"/>.</summary>
    public BriefingService? Briefing { get; set; }

    public RecordingPoster Discord { get; } = new("discord");

    public RecordingPoster Failing { get; } = new("flaky");

    /// <summary>Every firing of a job, as Quartz reports it when the job returns.</summary>
    public ConcurrentQueue<Execution> Executions { get; } = new();

    /// <summary>What the scheduler logged at warning level or above.</summary>
    public ConcurrentQueue<string> Warnings { get; } = new();

    public IServiceProvider Services => host?.Services ?? throw new InvalidOperationException("Not started.");

    public ReminderCatalog Catalog => Services.GetRequiredService<ReminderCatalog>();

    public IDeliveryLedger Ledger => Services.GetRequiredService<IDeliveryLedger>();

    /// <summary>The store of this bot (SQLite or PostgreSQL), reachable while it is stopped.</summary>
    public SchedulingDatabase Database() => settings["Scheduling:Store"] == "postgres"
        ? new(StoreKind.Postgres, settings["Scheduling:ConnectionString"]!)
        : new(StoreKind.Sqlite, $"Data Source={Path.Combine(settings["BriefingBot:Data"]!, "briefingbot.db")}");

    public async Task<IScheduler> SchedulerAsync() => await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    /// <summary>Builds the host without starting it (for the CLI's way of using the store).</summary>
    public IHost Build()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(new WarningCollector(Warnings));
        builder.Services.AddSingleton<TimeProvider>(Clock);
        if (Briefing is null)
        {
            builder.Services.AddSingleton<ITimelineSource>(Timeline);
        }
        else
        {
            // The real core: the scheduler reads its timeline and digests, and reindexes go through the admin path.
            builder.Services.AddSingleton(Briefing);
            builder.Services.AddSingleton<AdminReindexer>();
        }
        builder.Services.AddSingleton<BriefingBot.Delivery.IChannelPoster>(Discord);
        builder.Services.AddSingleton<BriefingBot.Delivery.IChannelPoster>(Failing);
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.ConfigureAllQuartzSchedulers(q => q.AddJobListener(new ExecutionListener(Executions), [Matchers.AllJobs()]));
        return builder.Build();
    }

    public async Task StartAsync()
    {
        var built = Build();
        try
        {
            await built.StartAsync();
        }
        catch
        {
            built.Dispose(); // a host that failed to start cannot be stopped
            throw;
        }
        host = built;
    }

    public async Task StopAsync()
    {
        if (host is null) return;
        await host.StopAsync();
        host.Dispose();
        host = null;
    }

    /// <summary>Moves the clock to <paramref name="instant"/> (never back), which wakes the scheduler.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant > Clock.GetUtcNow()) Clock.SetUtcNow(instant);
    }

    /// <summary>Waits, within a bound, until <paramref name="condition"/> holds.</summary>
    public static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until <paramref name="count"/> firings have finished in total.</summary>
    public Task ExecutionsReach(int count) => Eventually(() => Executions.Count >= count, $"{count} job executions (saw {Executions.Count})");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    /// <summary>One finished firing: which trigger, the instant it was scheduled for, the instant it ran.</summary>
    public sealed record Execution(TriggerKey Trigger, DateTimeOffset? ScheduledFor, DateTimeOffset FiredAt, JobExecutionException? Error);

    private sealed class ExecutionListener(ConcurrentQueue<Execution> executions) : IJobListener
    {
        public string Name => "test-executions";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            executions.Enqueue(new Execution(context.Trigger.Key, context.ScheduledFireTimeUtc, context.FireTimeUtc, jobException));
            return default;
        }
    }

    private sealed class WarningCollector(ConcurrentQueue<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(warnings, categoryName);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<string> warnings, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && category.StartsWith("BriefingBot", StringComparison.Ordinal);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}
