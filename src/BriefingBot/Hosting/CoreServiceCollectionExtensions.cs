using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Search;
using Microsoft.Extensions.Options;

namespace BriefingBot.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the briefing core (corpus reader, Lucene index, <see cref="BriefingService"/>) with validated
    /// <see cref="BriefingOptions"/> and the system clock.
    /// </summary>
    public static IServiceCollection AddBriefingCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BriefingOptions>()
            .Bind(configuration.GetSection(BriefingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CorpusReader>();
        services.AddSingleton(sp => new BriefingIndex(
            sp.GetRequiredService<IOptions<BriefingOptions>>().Value.Index,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BriefingIndex>>()));
        services.AddSingleton<BriefingService>();
        return services;
    }
}
