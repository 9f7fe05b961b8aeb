using System.Threading.Channels;
using BriefingBot.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Teams;

/// <summary>The outbound side on its own, against the fake connector and token endpoint, on a fake clock.</summary>
public sealed class BotConnectorClientTests : IAsyncLifetime
{
    private readonly RecordingTimeProvider clock = new();
    private readonly ServiceProvider services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private FakeBotFramework fake = null!;
    private IOptions<TeamsOptions> options = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeBotFramework.StartAsync();
        options = Options.Create(new TeamsOptions
        {
            AppId = TeamsActivities.AppId,
            AppPassword = "test-app-password",
            TokenEndpoint = fake.TokenEndpoint,
            AllowedServiceUrlHosts = ["127.0.0.1"],
        });
    }

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        await services.DisposeAsync();
    }

    [Fact]
    public async Task Throttled_WaitsExactlyTheRetryAfter_OnTheInjectedClock()
    {
        fake.AnswerNextPostWith(429, "Throttled", retryAfterSeconds: 7);

        var sending = Client().SendToConversationAsync(Conversation(), new TeamsMessageRenderer().Notice("hello"), default);

        await fake.NextConnectorRequestAsync();
        Assert.Equal(TimeSpan.FromSeconds(7), await clock.NextTimerAsync());
        Assert.False(sending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(7));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(result.Succeeded);
        Assert.Equal("reply-1", result.ActivityId);
    }

    [Fact]
    public async Task RetryAfterLongerThanAllowed_GivesUpAsTransient_WithoutWaiting()
    {
        fake.AnswerNextPostWith(429, "Throttled", retryAfterSeconds: 600);

        // The fake clock never moves: waiting would never end.
        var result = await Client().SendToConversationAsync(Conversation(), new TeamsMessageRenderer().Notice("hello"), default)
            .WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(SendOutcome.TransientFailure, result.Outcome);
        await fake.NextConnectorRequestAsync();
        Assert.True(await fake.ReceivesNothingWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task BadRequest_IsPermanent_AndNotRetried()
    {
        fake.AnswerNextPostWith(400, "BadArgument");

        var result = await Client().SendToConversationAsync(Conversation(), new TeamsMessageRenderer().Notice("hello"), default);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("BadArgument", result.ErrorCode);
        await fake.NextConnectorRequestAsync();
        Assert.True(await fake.ReceivesNothingWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task UntrustedServiceUrl_GetsNoRequestAndNoToken()
    {
        var result = await Client().SendToConversationAsync(
            Conversation() with { ServiceUrl = "https://evil.example.com/" }, new TeamsMessageRenderer().Notice("hello"), default);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Empty(fake.TokenRequests);
    }

    [Fact]
    public async Task Token_IsReused_UntilFiveMinutesBeforeItExpires()
    {
        var tokens = Tokens();

        Assert.Equal(FakeBotFramework.AccessToken(1), await tokens.GetTokenAsync(default));
        clock.Advance(TimeSpan.FromMinutes(54)); // issued for 60 minutes
        Assert.Equal(FakeBotFramework.AccessToken(1), await tokens.GetTokenAsync(default));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(FakeBotFramework.AccessToken(2), await tokens.GetTokenAsync(default));
        Assert.Equal(2, fake.TokenRequests.Count);
    }

    private BotTokenProvider Tokens() =>
        new(services.GetRequiredService<IHttpClientFactory>(), options, clock, NullLogger<BotTokenProvider>.Instance);

    private BotConnectorClient Client() =>
        new(services.GetRequiredService<IHttpClientFactory>(), Tokens(), new ServiceUrlPolicy(options), options, clock, NullLogger<BotConnectorClient>.Instance);

    private ConversationReference Conversation() =>
        new(TeamsActivities.ChannelId, fake.ServiceUrl, "msteams", TeamsActivities.TenantId, "channel", TeamsActivities.TeamId,
            TeamsActivities.BotId, TeamsActivities.BotName, DateTimeOffset.UnixEpoch);

    /// <summary>A fake clock that reports each timer it is asked for (Task.Delay makes one), so a test can see the delay.</summary>
    private sealed class RecordingTimeProvider() : FakeTimeProvider(DateTimeOffset.Parse("2026-05-04T09:00:00Z"))
    {
        private readonly Channel<TimeSpan> timers = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            // Reported once it exists: a test that advances the clock on this news must not outrun the timer.
            var timer = base.CreateTimer(callback, state, dueTime, period);
            timers.Writer.TryWrite(dueTime);
            return timer;
        }

        public async Task<TimeSpan> NextTimerAsync() => await timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
    }
}
