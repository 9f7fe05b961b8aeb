using System.Net;
using BriefingBot.Hosting;

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
    public void PublicKeyWithoutApplicationIdOrToken_FailsAtStartNamingWhatIsMissing()
    {
        var error = Assert.Throws<InvalidSettingsException>(() => DiscordBotHarness.BuildHost(new Dictionary<string, string?>
        {
            ["BriefingBot:Corpus"] = RepositoryPaths.Corpus,
            ["Scheduling:Store"] = "memory",
            ["Discord:ApplicationId"] = "",
            ["Discord:PublicKey"] = new string('a', 64),
            ["Discord:BotToken"] = "",
        }));

        Assert.Contains("Discord:ApplicationId is required", error.Message);
        Assert.Contains("Discord:BotToken is required", error.Message);
    }

    [Fact]
    public void PublicKeyThatIsNotHex_FailsAtStart()
    {
        var error = Assert.Throws<InvalidSettingsException>(() => DiscordBotHarness.BuildHost(new Dictionary<string, string?>
        {
            ["BriefingBot:Corpus"] = RepositoryPaths.Corpus,
            ["Scheduling:Store"] = "memory",
            ["Discord:ApplicationId"] = "1100000000000000000",
            ["Discord:PublicKey"] = "not-a-key",
            ["Discord:BotToken"] = "x",
        }));

        Assert.Contains("Discord:PublicKey must be 64 hex characters", error.Message);
    }
}
