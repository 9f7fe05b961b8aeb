using BriefingBot.Discord;

namespace BriefingBot.Tests.Discord;

/// <summary>Interaction follow-ups and rate-limit edge cases of the REST client, against a fake Discord.</summary>
public sealed class DiscordRestClientTests
{
    private const string Token = "aW50ZXJhY3Rpb246MTMwMDAwMDAwMDAwMDAwMDEwMDpGSVhUVVJF";
    private const string OriginalPath = $"webhooks/{DiscordBotHarness.ApplicationId}/{Token}/messages/@original";
    private static readonly DiscordMessage Message = new("answer");

    [Fact]
    public async Task EditOriginal_TakesItsTokenFromThePathAndNoAuthorizationHeader()
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        var result = await harness.Rest.EditOriginalResponseAsync(Token, Message, CancellationToken.None);

        Assert.True(result.Succeeded);
        var patch = Assert.Single(harness.Discord.Requests);
        Assert.Equal(("PATCH", OriginalPath), (patch.Method, patch.Path));
        Assert.Null(patch.Header("Authorization"));
        Assert.Equal("""{"content":"answer","allowed_mentions":{"parse":[]}}""", patch.Body);
    }

    [Fact]
    public async Task EditOriginal_UnknownWebhookRightAfterTheDefer_IsRetried()
    {
        // Discord can answer 404 for a few seconds after a deferral (spec §8.5).
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Discord.Script("PATCH", OriginalPath, new FakeResponse(404, """{"message":"Unknown Webhook","code":10015}"""));

        var result = await harness.Rest.EditOriginalResponseAsync(Token, Message, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(2, harness.Discord.Requests.Count);
    }

    [Fact]
    public async Task EditOriginal_RateLimited_WaitsRetryAfterThenEditsOnce()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Discord.Script("PATCH", OriginalPath, new FakeResponse(429, """{"message":"You are being rate limited.","retry_after":0.3,"global":false}"""));

        var result = await harness.Rest.EditOriginalResponseAsync(Token, Message, CancellationToken.None);

        Assert.True(result.Succeeded);
        var requests = harness.Discord.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.3));
    }

    [Fact]
    public async Task RateLimitLongerThanAllowed_IsATransientFailureWithoutWaiting_ForThatCallAndTheNext()
    {
        await using var harness = await DiscordRestHarness.StartAsync(new ObservedClock(DateTimeOffset.UnixEpoch.AddYears(56)));
        const string path = "channels/1200000000000000050/messages";
        harness.Discord.Script("POST", path, new FakeResponse(429, """{"message":"You are being rate limited.","retry_after":3600,"global":false}"""));

        var first = await harness.Rest.CreateMessageAsync("1200000000000000050", Message, CancellationToken.None);
        var second = await harness.Rest.CreateMessageAsync("1200000000000000050", Message, CancellationToken.None);

        Assert.Equal(DiscordRestOutcome.TransientFailure, first.Outcome);
        Assert.Equal(DiscordRestOutcome.TransientFailure, second.Outcome);
        Assert.Single(harness.Discord.Requests); // the second never reached Discord during the limit
    }
}
