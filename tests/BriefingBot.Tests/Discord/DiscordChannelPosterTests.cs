using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Briefing;
using BriefingBot.Delivery;
using BriefingBot.Discord;

namespace BriefingBot.Tests.Discord;

/// <summary>Reminders and digests posted to a fake Discord on 127.0.0.1: the exact request, rate limits and retries.</summary>
public sealed class DiscordChannelPosterTests
{
    private const string ChannelId = "1200000000000000050";
    private const string MessagesPath = $"channels/{ChannelId}/messages";
    private static readonly ChannelAddress Channel = new("discord", ChannelId);
    private static readonly ReminderPost Reminder = new(CorpusFixture.Milestones(1)[0], TimeSpan.FromDays(7));

    private static ObservedClock NewClock() => new(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero));

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value);

    [Fact]
    public async Task Reminder_IsPostedAsTheBotWithExactlyTheRenderedMessage()
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        var result = await harness.Poster.PostAsync(Channel, Reminder, CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        var post = Assert.Single(harness.Discord.Requests);
        Assert.Equal(("POST", MessagesPath), (post.Method, post.Path));
        Assert.Equal($"Bot {DiscordBotHarness.BotToken}", post.Header("Authorization"));
        Assert.StartsWith("DiscordBot (", post.Header("User-Agent"));
        var body = JsonNode.Parse(post.Body)!.AsObject();
        var nonce = (string)body["nonce"]!;
        Assert.InRange(nonce.Length, 1, 25);
        Assert.True((bool)body["enforce_nonce"]!);
        body.Remove("nonce");
        body.Remove("enforce_nonce");
        Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(harness.Renderer.Reminder(Reminder), DiscordJson.Options), body), post.Body);
        Assert.Equal("""{"parse":[]}""", post.Json.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public async Task SamePostTwice_CarriesTheSameNonce_SoDiscordDropsTheDuplicate()
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        await harness.Poster.PostAsync(Channel, Reminder, CancellationToken.None);
        await harness.Poster.PostAsync(Channel, Reminder, CancellationToken.None);
        await harness.Poster.PostAsync(Channel, Reminder with { Lead = TimeSpan.FromDays(1) }, CancellationToken.None);

        var nonces = harness.Discord.Requests.Select(r => r.Json.GetProperty("nonce").GetString()).ToList();
        Assert.Equal(nonces[0], nonces[1]);
        Assert.NotEqual(nonces[0], nonces[2]);
    }

    [Fact]
    public async Task RateLimited_WaitsExactlyRetryAfterFromTheBody_ThenPostsOnce()
    {
        var clock = NewClock();
        await using var harness = await DiscordRestHarness.StartAsync(clock);
        harness.Discord.Script("POST", MessagesPath, new FakeResponse(429,
            """{"message":"You are being rate limited.","retry_after":2.5,"global":false}""",
            Headers(("Retry-After", "3"), ("X-RateLimit-Bucket", "abcd1234"), ("X-RateLimit-Scope", "user"))));

        var posting = harness.Poster.PostAsync(Channel, Reminder, CancellationToken.None);
        await clock.WaitUntilWaitingAsync(TimeSpan.FromSeconds(2.5)); // the body's fraction, not the header's whole seconds
        clock.Advance(TimeSpan.FromSeconds(2.4));
        await Task.Delay(200);
        Assert.Single(harness.Discord.Requests); // not a moment early
        clock.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(DeliveryResult.Delivered, await posting);
        var requests = harness.Discord.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body); // same nonce: a retry, not a second post
    }

    [Fact]
    public async Task GlobalRateLimit_HoldsBackPostsToOtherChannelsToo()
    {
        var clock = NewClock();
        await using var harness = await DiscordRestHarness.StartAsync(clock);
        harness.Discord.Script("POST", MessagesPath, new FakeResponse(429, """{"message":"You are being rate limited.","retry_after":1.25,"global":true}""", Headers(("X-RateLimit-Global", "true"))));

        var first = harness.Poster.PostAsync(Channel, Reminder, CancellationToken.None);
        await clock.WaitUntilWaitingAsync(TimeSpan.FromSeconds(1.25));
        var other = harness.Poster.PostAsync(new ChannelAddress("discord", "1200000000000000051"), Reminder, CancellationToken.None);
        await Task.Delay(200);
        Assert.Single(harness.Discord.Requests);
        clock.Advance(TimeSpan.FromSeconds(1.25));

        Assert.Equal(DeliveryResult.Delivered, await first);
        Assert.Equal(DeliveryResult.Delivered, await other);
        Assert.Equal(3, harness.Discord.Requests.Count);
    }

    [Fact]
    public async Task BucketExhausted_NextPostWaitsForItsReset()
    {
        var clock = NewClock();
        await using var harness = await DiscordRestHarness.StartAsync(clock);
        harness.Discord.Script("POST", MessagesPath, new FakeResponse(200, Headers: Headers(
            ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "3.5"), ("X-RateLimit-Bucket", "abcd1234"))));
        await harness.Poster.PostAsync(Channel, Reminder, CancellationToken.None);

        var second = harness.Poster.PostAsync(Channel, Reminder with { Lead = TimeSpan.Zero }, CancellationToken.None);
        await clock.WaitUntilWaitingAsync(TimeSpan.FromSeconds(3.5));
        Assert.Single(harness.Discord.Requests);
        clock.Advance(TimeSpan.FromSeconds(3.5));

        Assert.Equal(DeliveryResult.Delivered, await second);
        Assert.Equal(2, harness.Discord.Requests.Count);
    }

    [Fact]
    public async Task ServerError_IsRetriedAndTheSecondAttemptDelivers()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Discord.Script("POST", MessagesPath, new FakeResponse(500, """{"message":"Internal Server Error","code":0}"""));

        var result = await harness.Poster.PostAsync(Channel, Reminder, CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Equal(2, harness.Discord.Requests.Count);
    }

    [Fact]
    public async Task ServerErrorEveryTime_GivesUpAfterThreeRetriesAsTransient()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Discord.Script("POST", MessagesPath, [.. Enumerable.Repeat(new FakeResponse(502, "<html>bad gateway</html>"), 10)]);

        var result = await harness.Poster.PostAsync(Channel, Reminder, CancellationToken.None);

        Assert.Equal(DeliveryStatus.TransientFailure, result.Status);
        Assert.Equal(4, harness.Discord.Requests.Count);
    }

    [Fact]
    public async Task NoAnswerWithinTheTimeout_IsRetried()
    {
        await using var harness = await DiscordRestHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:RequestTimeout"] = "00:00:00.300" });
        harness.Discord.Script("POST", MessagesPath, new FakeResponse(200, Delay: TimeSpan.FromSeconds(5)));

        var result = await harness.Poster.PostAsync(Channel, Reminder, CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Equal(2, harness.Discord.Requests.Count);
    }

    [Theory]
    [InlineData(403, """{"message":"Missing Access","code":50001}""", "403 Missing Access (50001)")]
    [InlineData(404, """{"message":"Unknown Channel","code":10003}""", "404 Unknown Channel (10003)")]
    [InlineData(400, """{"message":"Invalid Form Body","code":50035}""", "400 Invalid Form Body (50035)")]
    [InlineData(401, """{"message":"401: Unauthorized","code":0}""", "401 401: Unauthorized (0)")]
    public async Task ClientError_IsPermanentAndNotRetried(int status, string body, string detail)
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Discord.Script("POST", MessagesPath, new FakeResponse(status, body));

        var result = await harness.Poster.PostAsync(Channel, Reminder, CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.Contains(detail, result.Detail);
        Assert.Single(harness.Discord.Requests);
    }

    [Theory]
    [InlineData("discord", "general")]
    [InlineData("teams", ChannelId)]
    public async Task ChannelThatIsNotADiscordChannelId_IsPermanentWithoutARequest(string platform, string id)
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        var result = await harness.Poster.PostAsync(new ChannelAddress(platform, id), Reminder, CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.Empty(harness.Discord.Requests);
    }

    [Fact]
    public async Task LongDigest_IsPostedAsSeveralMessagesWithinLimitsEachWithItsOwnNonce()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var quotes = CorpusFixture.Paragraphs.Select((p, i) => CorpusFixture.Item(p, i + 1, "Some Speaker")).ToList();
        var digest = new Digest(new DateOnly(2026, 11, 2), 14, CorpusFixture.Milestones(10), [CorpusFixture.Article], quotes);

        var result = await harness.Poster.PostAsync(Channel, new DigestPost(digest), CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        var posts = harness.Discord.Requests;
        Assert.Equal(harness.Renderer.Digest(digest).Count, posts.Count);
        Assert.True(posts.Count > 1);
        Assert.All(posts, p => DiscordAssert.IsAcceptableMessage(p.Json));
        Assert.Equal(posts.Count, posts.Select(p => p.Json.GetProperty("nonce").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task DigestPartlyPosted_ReportsWhichMessageFailed()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var quotes = CorpusFixture.Paragraphs.Select((p, i) => CorpusFixture.Item(p, i + 1)).ToList();
        var digest = new Digest(new DateOnly(2026, 11, 2), 14, [], [], quotes);
        harness.Discord.Script("POST", MessagesPath, new FakeResponse(200), new FakeResponse(403, """{"message":"Missing Access","code":50001}"""));

        var result = await harness.Poster.PostAsync(Channel, new DigestPost(digest), CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.Contains("(message 2 of", result.Detail);
    }
}
