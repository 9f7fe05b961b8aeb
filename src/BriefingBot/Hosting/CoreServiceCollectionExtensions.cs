using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Search;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the briefing core (corpus reader, Lucene index, <see cref="BriefingService"/>) with validated
    /// <see cref="BriefingOptions"/>, the system clock and <see cref="BriefingMetrics"/>.
    /// </summary>
    public static IServiceCollection AddBriefingCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BriefingOptions>()
            .Bind(configuration.GetSection(BriefingOptions.Section))
            .ValidateSettings(BriefingOptions.Section)
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddBriefingMetrics();
        services.AddSingleton<CorpusReader>();
        services.AddSingleton(sp => new BriefingIndex(
            sp.GetRequiredService<IOptions<BriefingOptions>>().Value.Index,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BriefingIndex>>()));
        services.AddSingleton<BriefingService>();
        return services;
    }

    /// <summary>
    /// <see cref="BriefingMetrics"/> on the container's <c>IMeterFactory</c>. Idempotent: the core and the scheduler
    /// both record, and either may be registered alone. Exporting them is <see cref="TelemetryExtensions.AddBriefingTelemetry"/>'s.
    /// </summary>
    public static IServiceCollection AddBriefingMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<BriefingMetrics>();
        return services;
    }
}
