using BriefingBot.Delivery;
using BriefingBot.Hosting;
using BriefingBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord adapter when section <c>Discord</c> names an application: validated
    /// <see cref="DiscordOptions"/>, the interactions handler, the background follow-ups, the REST client and the
    /// channel poster. Without an application id or public key nothing is registered and Discord stays off.
    /// </summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DiscordOptions.Section);
        // Decided from the two settings alone: anything else wrong is reported by validation at start.
        var identity = new DiscordOptions
        {
            ApplicationId = section[nameof(DiscordOptions.ApplicationId)] ?? "",
            PublicKey = section[nameof(DiscordOptions.PublicKey)] ?? "",
        };
        if (!identity.IsConfigured) return services;

        services.AddOptions<DiscordOptions>().Bind(section).ValidateSettings(DiscordOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(DiscordRestClient.HttpClientName, (provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
            http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
            http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout (DiscordOptions.RequestTimeout)
        })
            // The factory's request logs print URIs, and interaction webhook URIs carry the token; DiscordRestClient
            // logs each call by its route template instead.
            .RemoveAllLoggers();
        services.AddSingleton<DiscordRateLimiter>();
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<DiscordMessageRenderer>();
        services.AddSingleton<DiscordSignatureVerifier>();
        services.AddSingleton<DiscordInteractionHandler>();
        services.AddSingleton<DiscordCommandRegistrar>();
        services.AddSingleton<DiscordFollowUpQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<DiscordFollowUpQueue>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelPoster, DiscordChannelPoster>());
        return services;
    }

    /// <summary>
    /// Maps <c>POST /discord/interactions</c> when <see cref="AddDiscord"/> enabled Discord; otherwise says once in
    /// the log that Discord is disabled and why.
    /// </summary>
    /// <exception cref="InvalidOperationException">Discord is enabled but the scheduler (subscriptions, time zone) is not registered.</exception>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var registered = app.ServiceProvider.GetRequiredService<IServiceProviderIsService>();
        if (!registered.IsService(typeof(DiscordInteractionHandler)))
        {
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DiscordEndpoints).FullName!)
                .LogInformation("Discord is disabled: set Discord__ApplicationId, Discord__PublicKey and Discord__BotToken to enable it.");
            return app;
        }
        // Said at start rather than as a failure on the first interaction.
        if (!registered.IsService(typeof(ISubscriptionStore)) || !registered.IsService(typeof(SchedulePolicy)))
            throw new InvalidOperationException("The Discord adapter needs the scheduler: call services.AddScheduling(configuration) before MapDiscord.");
        app.MapPost("/discord/interactions", DiscordEndpoints.HandleInteractionAsync);
        return app;
    }
}
