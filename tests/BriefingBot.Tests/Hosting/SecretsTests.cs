using BriefingBot.Briefing;
using BriefingBot.Delivery;
using BriefingBot.Hosting;
using BriefingBot.Teams;
using BriefingBot.Tests.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Hosting;

/// <summary>Secrets reach the bot through its environment and leave it only towards their platform: never in a log line.</summary>
public sealed class SecretsTests : IDisposable
{
    private const string BotToken = "DISCORD-SECRET-7f3e9a1c5b";
    private const string AppPassword = "TEAMS-SECRET-b52d0e84aa";
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task NoLogLine_EverHoldsTheBotTokenOrTheAppPassword_ThroughStartFailingCallsAndReindex()
    {
        await using var remote = await FakeDiscordApi.StartAsync();
        using var key = Ed25519TestKey.Generate();
        var root = remote.BaseUrl[..remote.BaseUrl.IndexOf("/api/v10", StringComparison.Ordinal)];
        // Discord refuses every post, and the identity platform refuses the app's credentials.
        remote.Script("POST", "channels/1500000000000000001/messages",
            new FakeResponse(500, """{"message": "Internal Server Error", "code": 0}"""),
            new FakeResponse(500, """{"message": "Internal Server Error", "code": 0}"""),
            new FakeResponse(401, """{"message": "401: Unauthorized", "code": 0}"""));
        remote.Script("POST", "/oauth/token",
            new FakeResponse(401, """{"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret provided."}"""));

        var settings = TestBot.Settings(folder, RepositoryPaths.CopyCorpusTo(folder.Combine("corpus")));
        settings["Discord:ApplicationId"] = "1100000000000000000";
        settings["Discord:PublicKey"] = key.PublicKeyHex;
        settings["Discord:BotToken"] = BotToken;
        settings["Discord:ApiBaseUrl"] = remote.BaseUrl;
        settings["Discord:MaxRetries"] = "2";
        settings["Discord:RetryBaseDelay"] = "00:00:00.010";
        settings["Teams:AppId"] = "6f1c9a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
        settings["Teams:AppPassword"] = AppPassword;
        settings["Teams:TokenEndpoint"] = root + "/oauth/token";
        settings["Teams:OpenIdMetadataUrl"] = root + "/openid";
        settings["Teams:SendAttempts"] = "1";
        var logs = new CapturingLoggerProvider();

        await using (var bot = await TestBot.StartAsync(settings, logs))
        {
            var readiness = bot.Services.GetRequiredService<IndexReadiness>();
            await TestBot.Eventually(() => readiness.IsReady, "the index built at start");

            var reminder = new ReminderPost(bot.Services.GetRequiredService<BriefingService>().Timeline()[0], TimeSpan.FromDays(1));
            var posted = await bot.Services.GetRequiredService<ChannelPosterRouter>()
                .PostAsync(new ChannelAddress("discord", "1500000000000000001"), reminder, default);
            Assert.NotEqual(DeliveryStatus.Delivered, posted.Status);
            await Assert.ThrowsAsync<BotTokenException>(() => bot.Services.GetRequiredService<BotTokenProvider>().GetTokenAsync(default));
            await bot.Services.GetRequiredService<AdminReindexer>().RunAsync();
        }

        // The calls did carry the secrets, to their platforms only.
        Assert.Contains(remote.Requests, r => r.Header("Authorization") == $"Bot {BotToken}");
        Assert.Contains(remote.Requests, r => r.Path == "/oauth/token" && r.Body.Contains(AppPassword));
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(BotToken) || line.Contains(AppPassword));
    }

    [Fact]
    public void AWrongSetting_IsReportedWithoutTheSecretsBesideIt()
    {
        var settings = TestBot.Settings(folder);
        settings["Discord:ApplicationId"] = "1100000000000000000";
        settings["Discord:PublicKey"] = "not-a-key";
        settings["Discord:BotToken"] = BotToken;
        settings["Teams:AppId"] = "not-a-guid";
        settings["Teams:AppPassword"] = AppPassword;

        var failure = Assert.Throws<InvalidSettingsException>(() => TestBot.Build(settings));

        Assert.Equal(2, failure.Failures.Count);
        Assert.DoesNotContain(BotToken, failure.Message);
        Assert.DoesNotContain(AppPassword, failure.Message);
    }
}
