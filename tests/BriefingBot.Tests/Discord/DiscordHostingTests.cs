using System.Net;
using Microsoft.Extensions.Options;

namespace BriefingBot.Tests.Discord;

public sealed class DiscordHostingTests
{
    [Fact]
    public async Task WithoutDiscordSettings_TheBotStartsWithDiscordDisabledAndSaysSoOnce()
    {
        await using var bot = await DiscordBotHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = "",
            ["Discord:PublicKey"] = "",
            ["Discord:BotToken"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.PostAsync("/discord/interactions", new StringContent("{}"))).StatusCode);
        Assert.Single(bot.Logs.Lines, l => l.Contains("Discord is disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublicKeyWithoutApplicationIdOrToken_FailsAtStartNamingWhatIsMissing()
    {
        await using var app = DiscordBotHarness.BuildHost(new Dictionary<string, string?>
        {
            ["BriefingBot:Corpus"] = RepositoryPaths.Corpus,
            ["Scheduling:Store"] = "memory",
            ["Discord:ApplicationId"] = "",
            ["Discord:PublicKey"] = new string('a', 64),
            ["Discord:BotToken"] = "",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Discord:ApplicationId is required", error.Message);
        Assert.Contains("Discord:BotToken is required", error.Message);
    }

    [Fact]
    public async Task PublicKeyThatIsNotHex_FailsAtStart()
    {
        await using var app = DiscordBotHarness.BuildHost(new Dictionary<string, string?>
        {
            ["BriefingBot:Corpus"] = RepositoryPaths.Corpus,
            ["Scheduling:Store"] = "memory",
            ["Discord:ApplicationId"] = "1100000000000000000",
            ["Discord:PublicKey"] = "not-a-key",
            ["Discord:BotToken"] = "x",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Discord:PublicKey must be 64 hex characters", error.Message);
    }
}
