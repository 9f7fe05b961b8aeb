using BriefingBot.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Discord;

/// <summary>The Discord adapter's services as <c>AddDiscord</c> registers them, against a <see cref="FakeDiscordApi"/>.</summary>
public sealed class DiscordRestHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private DiscordRestHarness(ServiceProvider services, FakeDiscordApi discord)
    {
        this.services = services;
        Discord = discord;
    }

    public FakeDiscordApi Discord { get; }

    public DiscordChannelPoster Poster => services.GetServices<BriefingBot.Delivery.IChannelPoster>().OfType<DiscordChannelPoster>().Single();

    public DiscordCommandRegistrar Registrar => services.GetRequiredService<DiscordCommandRegistrar>();

    public DiscordRestClient Rest => services.GetRequiredService<DiscordRestClient>();

    public DiscordMessageRenderer Renderer => services.GetRequiredService<DiscordMessageRenderer>();

    /// <param name="clock">The clock rate limits and back-off wait on; the system clock when null.</param>
    public static async Task<DiscordRestHarness> StartAsync(TimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var discord = await FakeDiscordApi.StartAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = DiscordBotHarness.ApplicationId,
            ["Discord:PublicKey"] = new string('a', 64),
            ["Discord:BotToken"] = DiscordBotHarness.BotToken,
            ["Discord:ApiBaseUrl"] = discord.BaseUrl,
            ["Discord:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>()) configuration[name] = value;

        var services = new ServiceCollection()
            .AddLogging(logging => logging.ClearProviders())
            .AddSingleton(clock ?? TimeProvider.System)
            .AddDiscord(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
        return new DiscordRestHarness(services, discord);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Discord.DisposeAsync();
    }
}
