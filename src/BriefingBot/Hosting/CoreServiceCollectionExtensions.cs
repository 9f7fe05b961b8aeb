using BriefingBot.Briefing;

namespace BriefingBot.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the briefing core with validated <see cref="BriefingOptions"/> and the system clock.</summary>
    public static IServiceCollection AddBriefingCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BriefingOptions>()
            .Bind(configuration.GetSection(BriefingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BriefingService>();
        return services;
    }
}
