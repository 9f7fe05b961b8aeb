using BriefingBot.Delivery;
using BriefingBot.Hosting;
using Microsoft.Extensions.Options;

namespace BriefingBot.Teams;

/// <summary>Wires the Teams adapter into the <c>serve</c> host: <c>services.AddTeams(configuration)</c>, then <c>app.MapTeams()</c>.</summary>
public static class TeamsServiceCollectionExtensions
{
    internal const string OpenIdClient = "teams-openid";
    internal const string TokenClient = "teams-token";
    internal const string ConnectorClient = "teams-connector";

    /// <summary>
    /// Registers the adapter when <c>Teams:AppId</c> is set or <c>Teams:DevelopmentMode</c> is on (options validated at
    /// start); otherwise registers nothing but the fact that Teams is off, which <see cref="MapTeams"/> logs once.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TeamsOptions.Section);
        var enabled = (section.Get<TeamsOptions>() ?? new TeamsOptions()).IsEnabled;
        services.AddSingleton(new TeamsRegistration(enabled));
        if (!enabled) return services;

        services.AddOptions<TeamsOptions>()
            .Bind(section)
            .ValidateSettings(TeamsOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();

        services.AddHttpClient(OpenIdClient, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddHttpClient(TokenClient, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddHttpClient(ConnectorClient, c => c.Timeout = TimeSpan.FromSeconds(30));

        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<BotTokenProvider>();
        services.AddSingleton<BotConnectorClient>();
        services.AddSingleton<TeamsConversationStore>();
        services.AddSingleton(sp => new TeamsMessageRenderer(sp.GetRequiredService<IOptions<TeamsOptions>>().Value.MaxMessageBytes));
        services.AddSingleton<TeamsBot>();
        services.AddSingleton<TeamsActivityQueue>();
        services.AddHostedService<TeamsActivityWorker>();
        services.AddSingleton<IChannelPoster, TeamsChannelPoster>();
        services.AddTransient<IStartupFilter, TeamsDevelopmentModeGuard>();
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c> when Teams is enabled; says once in the log when it is not.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        var registration = app.ServiceProvider.GetService<TeamsRegistration>()
            ?? throw new InvalidOperationException("Call services.AddTeams(configuration) before app.MapTeams().");
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("BriefingBot.Teams");
        if (!registration.Enabled)
        {
            logger.LogInformation("Teams is disabled: Teams:AppId is not set (set Teams__AppId and Teams__AppPassword, or Teams__DevelopmentMode=true for the Teams App Test Tool).");
            return app;
        }

        var options = app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (options.DevelopmentMode)
            logger.LogWarning("Teams development mode: activities are accepted WITHOUT authentication, from loopback only. Never use it in production.");
        else
            logger.LogInformation("Teams enabled for app {AppId} ({Tenancy})", options.AppId,
                options.IsSingleTenant ? $"single-tenant {options.TenantId}" : "multi-tenant");
        app.MapPost("/api/messages", TeamsEndpoints.ReceiveAsync);
        return app;
    }

    /// <summary>Whether <see cref="AddTeams"/> enabled the adapter.</summary>
    internal sealed record TeamsRegistration(bool Enabled);
}
