using BriefingBot.Briefing;
using BriefingBot.Delivery;
using BriefingBot.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace BriefingBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the scheduler: Quartz.NET in the generic host (jobs resolved from the container) on the configured
    /// store, the reminder and digest jobs, the delivery ledger, subscriptions, the <c>log</c> poster, the
    /// reschedule-on-reindex observer and <see cref="ReminderCatalog"/>. Platform posters are added by their adapters
    /// as more <see cref="IChannelPoster"/> registrations.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>()
            .Bind(configuration.GetSection(SchedulingOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var database = ResolveDatabase(configuration);
        services.AddSingleton(database);
        if (database.Kind == StoreKind.Memory)
        {
            services.AddSingleton<IDeliveryLedger, InMemoryDeliveryLedger>();
            services.AddSingleton<ISubscriptionRecords, InMemorySubscriptionRecords>();
        }
        else
        {
            services.AddSingleton<IDeliveryLedger, SqlDeliveryLedger>();
            services.AddSingleton<ISubscriptionRecords, SqlSubscriptionRecords>();
        }

        services.AddSingleton<SchedulePolicy>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<SchedulingStorage>();
        services.AddSingleton<SubscriptionDirectory>();
        services.AddSingleton<ScheduleSynchronizer>();
        services.AddSingleton<ISubscriptionStore, SubscriptionStore>();
        services.AddSingleton<ReminderCatalog>();
        services.AddSingleton<ScheduledDelivery>();
        services.AddSingleton<ChannelPosterRouter>();
        services.AddBriefingMetrics(); // posts sent and failed are counted by the router
        services.TryAddSingleton<ITimelineSource, BriefingTimelineSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelPoster, LogChannelPoster>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReindexObserver, ReminderRescheduler>());

        // Before Quartz's hosted service: the store must exist before Quartz opens it.
        services.AddHostedService<SchedulingStartup>();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "BriefingBot");
            ConfigureStore(quartz, database);
            quartz.AddJob<ReminderJob>(job => job.WithIdentity(ScheduleKeys.ReminderJob).StoreDurably().RequestRecovery());
            quartz.AddJob<DigestJob>(job => job.WithIdentity(ScheduleKeys.DigestJob).StoreDurably().RequestRecovery());
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    private static void ConfigureStore(IQuartzBuilder quartz, SchedulingDatabase database)
    {
        switch (database.Kind)
        {
            case StoreKind.Memory:
                quartz.UseInMemoryStore();
                break;
            case StoreKind.Postgres:
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(NpgsqlFactory.Instance, database.ConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.ProvisionSchema();
                    // Several bots may share one database: the cluster makes each trigger fire on one node only, and
                    // a node that stops checking in has its fired and acquired triggers recovered by the others.
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = database.ClusterCheckinInterval;
                        cluster.CheckinMisfireThreshold = database.ClusterCheckinInterval;
                    });
                });
                break;
            default:
                quartz.UsePersistentStore(store =>
                {
                    store.UseSqlite(SqliteFactory.Instance, database.ConnectionString);
                    store.UseSystemTextJsonSerializer();
                    // Created in the file on first start. SQLite has one writer, and Quartz detects it: every store
                    // operation goes through its in-process SqliteLockHandler at serializable isolation, triggers are
                    // acquired within the lock (it logs all three at start), so there is no lock handler to choose.
                    store.ProvisionSchema();
                });
                break;
        }
    }

    /// <summary>
    /// The store is chosen while services are registered, because Quartz is configured then. An unknown store name
    /// falls back to memory here only so that registration succeeds: <see cref="SchedulingOptionsValidator"/> refuses
    /// it before anything starts.
    /// </summary>
    private static SchedulingDatabase ResolveDatabase(IConfiguration configuration)
    {
        var section = configuration.GetSection(SchedulingOptions.Section);
        var kind = (section[nameof(SchedulingOptions.Store)] ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "sqlite" => StoreKind.Sqlite,
            "postgres" => StoreKind.Postgres,
            _ => StoreKind.Memory,
        };
        var connectionString = section[nameof(SchedulingOptions.ConnectionString)];
        if (string.IsNullOrWhiteSpace(connectionString) && kind == StoreKind.Sqlite)
        {
            var data = configuration[$"{BriefingOptions.Section}:{nameof(BriefingOptions.Data)}"];
            connectionString = $"Data Source={Path.Combine(string.IsNullOrWhiteSpace(data) ? "data" : data, "briefingbot.db")}";
        }
        var checkin = TimeSpan.TryParse(section[nameof(SchedulingOptions.ClusterCheckinInterval)], System.Globalization.CultureInfo.InvariantCulture, out var interval)
            && interval >= TimeSpan.FromSeconds(1)
                ? interval
                : SchedulingOptions.DefaultClusterCheckinInterval;
        return new SchedulingDatabase(kind, connectionString ?? "") { ClusterCheckinInterval = checkin };
    }
}
