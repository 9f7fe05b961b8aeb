using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    public async Task AppIdWithoutPassword_RefusesToStart()
    {
        var settings = TeamsTestHost.Settings(fake, folder);
        settings["Teams:AppPassword"] = "";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsTestHost.StartAsync(settings));
        Assert.Contains("Teams__AppPassword", error.Message);
    }

    [Fact]
    public async Task DevelopmentMode_ListeningBeyondLoopback_RefusesToStart()
    {
        var settings = DevelopmentSettings();
        // Never bound: the check runs before the server binds its addresses.
        settings["urls"] = "http://0.0.0.0:0";
        await using var app = TeamsTestHost.Build(settings);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());
        Assert.Contains("loopback", error.Message);
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

    private Dictionary<string, string?> DevelopmentSettings()
    {
        var settings = TeamsTestHost.Settings(fake, folder);
        settings["Teams:AppId"] = "";
        settings["Teams:AppPassword"] = "";
        settings["Teams:DevelopmentMode"] = "true";
        return settings;
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> messages = new();

        public IReadOnlyCollection<string> Messages => [.. messages];

        public ILogger CreateLogger(string categoryName) => new Logger(messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
