using System.Net;
using BriefingBot.Hosting;
using Microsoft.Extensions.Logging;
using static BriefingBot.Tests.Teams.TeamsActivities;

namespace BriefingBot.Tests.Teams;

/// <summary>How the adapter sits in the host: off without settings, validated when on, development mode fenced to loopback.</summary>
public sealed class TeamsHostingTests : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private FakeBotFramework fake = null!;

    public async Task InitializeAsync() => fake = await FakeBotFramework.StartAsync();

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task WithoutAppId_TheBotStarts_WithTeamsOff_SaidOnceInTheLog()
    {
        var log = new CapturingLoggerProvider();
        var settings = TeamsTestHost.Settings(fake, folder);
        settings["Teams:AppId"] = "";
        settings["Teams:AppPassword"] = "";

        await using var host = await TeamsTestHost.StartAsync(settings, b => b.Logging.AddProvider(log));

        var response = await host.PostActivityAsync(PersonalMessage(fake.ServiceUrl, "help"), token: null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(log.Messages, m => m.Contains("Teams is disabled", StringComparison.Ordinal));
    }

    [Fact]
    public void AppIdWithoutPassword_RefusesToStart_NamingTheEnvironmentVariable()
    {
        var settings = TeamsTestHost.Settings(fake, folder);
        settings["Teams:AppPassword"] = "";

        var error = Assert.Throws<InvalidSettingsException>(() => TeamsTestHost.Build(settings));
        Assert.Contains(error.Failures, f => f.Contains("Teams__AppPassword", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DevelopmentMode_ListeningBeyondLoopback_RefusesToStart()
    {
        var settings = DevelopmentSettings();
        // Never bound: the check runs before the server binds its addresses.
        settings["urls"] = "http://0.0.0.0:0";
        await using var app = TeamsTestHost.Build(settings);

        var error = await Assert.ThrowsAsync<InvalidSettingsException>(() => app.StartAsync());
        Assert.Contains("Teams:DevelopmentMode", Assert.Single(error.Failures));
    }

    [Fact]
    public async Task DevelopmentMode_AcceptsActivitiesWithoutToken_AndRepliesWithoutOne()
    {
        await using var host = await TeamsTestHost.StartAsync(DevelopmentSettings());

        var response = await host.PostActivityAsync(PersonalMessage(fake.ServiceUrl, "help"), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await fake.NextConnectorRequestAsync();
        Assert.Null(reply.Authorization);
        Assert.Empty(fake.TokenRequests);
    }

    [Fact]
    public async Task AppPasswordAndTokens_NeverReachTheLog()
    {
        using var key = new TestSigningKey("test-kid-1", "msteams");
        fake.PublishKeys(key);
        var log = new CapturingLoggerProvider();
        var settings = TeamsTestHost.Settings(fake, folder);
        foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "System.Net.Http.HttpClient" })
            settings[$"Logging:LogLevel:{category}"] = "Trace";
        await using var host = await TeamsTestHost.StartAsync(settings, b => b.Logging.AddProvider(log));
        var accepted = key.ChannelToken(fake.ServiceUrl);
        var refused = key.Mint("99999999-0000-0000-0000-000000000000", "https://api.botframework.com",
            DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(55), new Dictionary<string, object> { ["serviceurl"] = fake.ServiceUrl });

        await host.PostActivityAsync(PersonalMessage(fake.ServiceUrl, "help", id: "1"), refused);
        await host.PostActivityAsync(PersonalMessage(fake.ServiceUrl, "help", id: "2"), accepted);
        await fake.NextConnectorRequestAsync();

        Assert.Contains(log.Messages, m => m.Contains("Refused a Teams activity", StringComparison.Ordinal));
        foreach (var secret in new[] { "test-app-password", FakeBotFramework.AccessToken(1), accepted, refused })
            Assert.DoesNotContain(log.Messages, m => m.Contains(secret, StringComparison.Ordinal));
    }

    private Dictionary<string, string?> DevelopmentSettings()
    {
        var settings = TeamsTestHost.Settings(fake, folder);
        settings["Teams:AppId"] = "";
        settings["Teams:AppPassword"] = "";
        settings["Teams:DevelopmentMode"] = "true";
        return settings;
    }
}
