using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Briefing;
using BriefingBot.Delivery;
using BriefingBot.Discord;
using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static BriefingBot.Tests.Discord.DiscordBotHarness;

namespace BriefingBot.Tests.Discord;

/// <summary>The interactions endpoint through the real host on Kestrel, signed like Discord, with a fake Discord REST API.</summary>
public sealed class DiscordInteractionsEndpointTests : IAsyncLifetime
{
    private DiscordBotHarness bot = null!;

    public async Task InitializeAsync() => bot = await StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    private BriefingService Briefing => bot.Services.GetRequiredService<BriefingService>();

    private DiscordMessageRenderer Renderer => bot.Services.GetRequiredService<DiscordMessageRenderer>();

    private static JsonNode Wire(object value) => JsonSerializer.SerializeToNode(value, DiscordJson.Options)!;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private const string Ping = """{"type":1,"id":"1100000000000000001","application_id":"1100000000000000000","token":"test-token","version":1}""";

    // --- verification ---

    [Fact]
    public async Task SignedPing_IsAnsweredWithPong()
    {
        using var response = await bot.PostSignedAsync(Ping, DateTimeOffset.UtcNow, bot.Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unsigned_Is401()
    {
        using var response = await bot.PostRawAsync(Encoding.UTF8.GetBytes(Ping), signature: null, timestamp: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid request signature", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TamperedBody_Is401()
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = bot.Key.Sign(timestamp, Encoding.UTF8.GetBytes(Ping));

        using var response = await bot.PostRawAsync(Encoding.UTF8.GetBytes(Ping.Replace("test-token", "evil-token")), signature, timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignedWithAnotherKey_Is401()
    {
        using var other = Ed25519TestKey.Generate();

        using var response = await bot.PostSignedAsync(Ping, DateTimeOffset.UtcNow, other);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignedTenMinutesAgo_Is401()
    {
        using var response = await bot.PostSignedAsync(Ping, DateTimeOffset.UtcNow.AddMinutes(-10), bot.Key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BadSignatureOnMalformedJson_Is401NotParsed()
    {
        using var response = await bot.PostRawAsync(Encoding.UTF8.GetBytes("{not json"), new string('0', 128), "1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BodyOverTheSizeLimit_Is413BeforeVerification()
    {
        using var response = await bot.PostRawAsync(new byte[DiscordEndpoints.MaxBodyBytes + 1], signature: null, timestamp: null);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task MalformedJson_CorrectlySigned_Is400WithAReason()
    {
        using var response = await bot.PostSignedAsync("{\"type\":1,", DateTimeOffset.UtcNow, bot.Key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("malformed interaction JSON: ", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{}", "not an interaction: 'id' is missing")]
    [InlineData("null", "not an interaction: the body is JSON null")]
    [InlineData("""{"id":"1","application_id":"2","type":2}""", "not an interaction: 'token' is missing")]
    public async Task JsonThatIsNotAnInteraction_CorrectlySigned_Is400WithAReason(string body, string reason)
    {
        using var response = await bot.PostSignedAsync(body, DateTimeOffset.UtcNow, bot.Key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnsupportedInteractionType_GetsAnEphemeralNotice()
    {
        var interaction = bot.Command("ask", MemberPermissions);
        interaction["type"] = 3; // a component click: this bot sends none

        var reply = await bot.ReplyToAsync(interaction);

        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        Assert.Equal(DiscordMessage.Ephemeral, reply.GetProperty("data").GetProperty("flags").GetInt32());
    }

    // --- commands answered inline ---

    [Theory]
    [InlineData(MemberPermissions)]
    [InlineData(null)] // DM
    public async Task UnknownCommand_GetsEphemeralHelp(string? permissions)
    {
        var reply = await bot.ReplyToAsync(bot.Command("frobnicate", permissions));

        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        var data = reply.GetProperty("data");
        Assert.Equal(DiscordMessage.Ephemeral, data.GetProperty("flags").GetInt32());
        Assert.StartsWith("I don't know `/frobnicate`.", data.GetProperty("content").GetString());
        DiscordAssert.IsAcceptableMessage(data);
    }

    [Theory]
    [InlineData(MemberPermissions)]
    [InlineData(null)]
    public async Task Milestones_AreAnsweredInlineFromTheTimeline(string? permissions)
    {
        var reply = await bot.ReplyToAsync(bot.Command("milestones", permissions, ("days", 3650)));

        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        var expected = Renderer.Milestones(Briefing.Upcoming(Today, 3650), 3650);
        Assert.True(JsonNode.DeepEquals(Wire(expected), JsonNode.Parse(reply.GetProperty("data").GetRawText())));
        DiscordAssert.IsAcceptableMessage(reply.GetProperty("data"));
    }

    [Fact]
    public async Task Milestones_DaysOutOfRange_IsRefusedEphemerally()
    {
        var reply = await bot.ReplyToAsync(bot.Command("milestones", MemberPermissions, ("days", 0)));

        Assert.Equal(DiscordMessage.Ephemeral, reply.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task SaidAutocomplete_OffersTheKnownSpeakersForWhatWasTyped()
    {
        var anySpeaker = Briefing.Speakers("", 25);
        Assert.NotEmpty(anySpeaker); // the shipped corpus quotes people
        var typed = anySpeaker[0][..2];

        var reply = await bot.ReplyToAsync(bot.Autocomplete("said", "person", typed, MemberPermissions));

        Assert.Equal(8, reply.GetProperty("type").GetInt32());
        var choices = reply.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!).ToList();
        Assert.Equal(Briefing.Speakers(typed, 25), choices);
        Assert.Contains(anySpeaker[0], choices);
    }

    // --- commands answered later, by editing the deferred reply ---

    [Theory]
    [InlineData(MemberPermissions)]
    [InlineData(null)]
    public async Task Ask_IsDeferredThenTheOriginalIsEditedWithCitedVerbatimQuotes(string? permissions)
    {
        const string question = "trade truce tariffs";
        var interaction = bot.Command("ask", permissions, ("question", question));

        var reply = await bot.ReplyToAsync(interaction);

        Assert.Equal("""{"type":5}""", reply.GetRawText());
        var edit = (await bot.Discord.WaitForAsync(r => r.Method == "PATCH" && r.Path == OriginalPath(interaction))).Single();
        Assert.Null(edit.Header("Authorization")); // the interaction token in the path is the credential
        Assert.StartsWith("DiscordBot (", edit.Header("User-Agent"));
        Assert.StartsWith("application/json", edit.Header("Content-Type"));
        var expected = Renderer.Answer(Briefing.Ask(question))[0];
        Assert.True(JsonNode.DeepEquals(Wire(expected), JsonNode.Parse(edit.Body)), edit.Body);
        Assert.NotEmpty(edit.Json.GetProperty("embeds").EnumerateArray());
        DiscordAssert.IsAcceptableMessage(edit.Json);
        DiscordAssert.QuotesAreVerbatim(edit.Json, CorpusFixture.Texts);
    }

    [Theory]
    [InlineData(MemberPermissions)]
    [InlineData(null)]
    public async Task Said_IsDeferredThenAnsweredWithThatPersonsQuotations(string? permissions)
    {
        var person = Briefing.Speakers("", 1).Single();
        var interaction = bot.Command("said", permissions, ("person", person));

        var reply = await bot.ReplyToAsync(interaction);

        Assert.Equal(5, reply.GetProperty("type").GetInt32());
        var edit = (await bot.Discord.WaitForAsync(r => r.Method == "PATCH" && r.Path == OriginalPath(interaction))).Single();
        var saidBy = edit.Json.GetProperty("embeds").EnumerateArray()
            .SelectMany(e => e.GetProperty("fields").EnumerateArray())
            .Where(f => f.GetProperty("name").GetString() == "Said by")
            .Select(f => DiscordAssert.Unescape(f.GetProperty("value").GetString()!))
            .ToList();
        Assert.NotEmpty(saidBy);
        Assert.All(saidBy, s => Assert.Equal(person, s));
        DiscordAssert.IsAcceptableMessage(edit.Json);
        DiscordAssert.QuotesAreVerbatim(edit.Json, CorpusFixture.Texts);
    }

    [Theory]
    [InlineData(MemberPermissions)]
    [InlineData(null)]
    public async Task Digest_IsDeferredThenPostedWithinLimits(string? permissions)
    {
        var interaction = bot.Command("digest", permissions);

        var reply = await bot.ReplyToAsync(interaction);

        Assert.Equal(5, reply.GetProperty("type").GetInt32());
        var edit = (await bot.Discord.WaitForAsync(r => r.Method == "PATCH" && r.Path == OriginalPath(interaction))).Single();
        Assert.StartsWith($"**Briefing for {Today:yyyy-MM-dd}**", DiscordAssert.Text(edit.Json, "content"));
        DiscordAssert.IsAcceptableMessage(edit.Json);
    }

    [Fact]
    public async Task Ask_BeforeTheIndexIsReady_IsToldToTryAgainLater()
    {
        bot.Services.GetRequiredService<IndexReadiness>().MarkFailed("index not built yet");

        var reply = await bot.ReplyToAsync(bot.Command("ask", MemberPermissions, ("question", "truce")));

        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        Assert.Equal(DiscordMessage.Ephemeral, reply.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("I'm not ready to answer yet (index not built yet); please try again in a minute.", reply.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var reply = await bot.ReplyToAsync(bot.Command("help", null));

        Assert.Contains("`/ask question [top]`", reply.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task SameInteractionDeliveredTwice_IsAnsweredOnce()
    {
        var interaction = bot.Command("ask", MemberPermissions, ("question", "truce"));

        var first = await bot.ReplyToAsync(interaction);
        var second = await bot.ReplyToAsync(interaction);

        Assert.Equal(5, first.GetProperty("type").GetInt32());
        Assert.Equal(5, second.GetProperty("type").GetInt32());
        await bot.Discord.WaitForAsync(r => r.Path == OriginalPath(interaction));
        await Task.Delay(300); // a second edit would come from the same queue right after the first
        Assert.Single(bot.Discord.Requests, r => r.Path == OriginalPath(interaction));
    }

    [Fact]
    public async Task DeferredReplyRefusedByDiscord_InvokerGetsAnEphemeralErrorFollowUp()
    {
        var interaction = bot.Command("ask", MemberPermissions, ("question", "truce"));
        bot.Discord.Script("PATCH", OriginalPath(interaction), new FakeResponse(400, """{"code":50035,"message":"Invalid Form Body"}"""));

        await bot.ReplyToAsync(interaction);

        var followUp = (await bot.Discord.WaitForAsync(r => r.Method == "POST" && r.Path == FollowUpPath(interaction))).Single();
        Assert.Equal(DiscordMessage.Ephemeral, followUp.Json.GetProperty("flags").GetInt32());
        Assert.Contains("/ask failed", DiscordAssert.Text(followUp.Json, "content"));
        // The public "thinking…" was removed first, so the error is not stuck behind it.
        Assert.Contains(bot.Discord.Requests, r => r.Method == "DELETE" && r.Path == OriginalPath(interaction));
        DiscordAssert.IsAcceptableMessage(followUp.Json);
    }

    // --- permissions ---

    [Fact]
    public async Task Subscribe_ByAChannelManager_SubscribesThisChannelAndSaysSoPublicly()
    {
        var reply = await bot.ReplyToAsync(bot.Command("subscribe", ChannelManagerPermissions, ("digest", false)));

        var data = reply.GetProperty("data");
        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        Assert.False(data.TryGetProperty("flags", out _));
        Assert.Equal("This channel will receive milestone reminders.", data.GetProperty("content").GetString());
        var subscription = Assert.Single(await bot.Subscriptions.ListAsync());
        Assert.Equal(new Subscription(new ChannelAddress("discord", GuildChannelId), Reminders: true, Digest: false), subscription);
    }

    [Fact]
    public async Task Subscribe_ByAnAdministrator_IsAllowed()
    {
        await bot.ReplyToAsync(bot.Command("subscribe", AdministratorPermissions));

        Assert.Single(await bot.Subscriptions.ListAsync());
    }

    [Fact]
    public async Task Subscribe_WithoutManageChannels_IsRefusedEphemerally()
    {
        var reply = await bot.ReplyToAsync(bot.Command("subscribe", MemberPermissions));

        Assert.Equal(DiscordMessage.Ephemeral, reply.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("Manage Channels", reply.GetProperty("data").GetProperty("content").GetString());
        Assert.Empty(await bot.Subscriptions.ListAsync());
    }

    [Fact]
    public async Task Subscribe_InADm_IsRefusedEphemerally()
    {
        var reply = await bot.ReplyToAsync(bot.Command("subscribe", null));

        Assert.Equal(DiscordMessage.Ephemeral, reply.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Empty(await bot.Subscriptions.ListAsync());
    }

    [Fact]
    public async Task Unsubscribe_ASubscribedChannel_RemovesIt()
    {
        await bot.Subscriptions.SubscribeAsync(new Subscription(new ChannelAddress("discord", GuildChannelId)));

        var reply = await bot.ReplyToAsync(bot.Command("unsubscribe", ChannelManagerPermissions));

        Assert.Equal("This channel will no longer receive reminders or digests.", reply.GetProperty("data").GetProperty("content").GetString());
        Assert.Empty(await bot.Subscriptions.ListAsync());
    }

    [Fact]
    public async Task Unsubscribe_AChannelNotSubscribed_SaysSoEphemerally()
    {
        var reply = await bot.ReplyToAsync(bot.Command("unsubscribe", ChannelManagerPermissions));

        Assert.Equal(DiscordMessage.Ephemeral, reply.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("This channel was not subscribed.", reply.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Reindex_ByANonAdministrator_IsRefusedEphemerallyAndNotRun()
    {
        var interaction = bot.Command("reindex", MemberPermissions); // Manage Guild, but not Administrator

        var reply = await bot.ReplyToAsync(interaction);

        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        Assert.Equal(DiscordMessage.Ephemeral, reply.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("Only server administrators can run /reindex.", reply.GetProperty("data").GetProperty("content").GetString());
        await Task.Delay(200);
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Path == OriginalPath(interaction));
    }

    [Fact]
    public async Task Reindex_InADm_IsRefusedBecauseThereIsNoMemberToCheck()
    {
        var reply = await bot.ReplyToAsync(bot.Command("reindex", null));

        Assert.Equal(DiscordMessage.Ephemeral, reply.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("inside a server", reply.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Reindex_ByAnAdministrator_IsDeferredEphemerallyThenReportsWhatChanged()
    {
        var interaction = bot.Command("reindex", AdministratorPermissions);

        var reply = await bot.ReplyToAsync(interaction);

        Assert.Equal("""{"type":5,"data":{"flags":64}}""", reply.GetRawText());
        var edit = (await bot.Discord.WaitForAsync(r => r.Method == "PATCH" && r.Path == OriginalPath(interaction))).Single();
        Assert.StartsWith($"Reindexed {Directory.EnumerateFiles(RepositoryPaths.Corpus).Count()} articles", DiscordAssert.Text(edit.Json, "content"));
        DiscordAssert.IsAcceptableMessage(edit.Json);
    }

    // --- secrets ---

    [Fact]
    public async Task BotTokenAndInteractionTokens_NeverAppearInTheLogs()
    {
        var failing = bot.Command("ask", MemberPermissions, ("question", "truce"));
        bot.Discord.Script("PATCH", OriginalPath(failing), new FakeResponse(500), new FakeResponse(500), new FakeResponse(500), new FakeResponse(500));
        await bot.ReplyToAsync(failing);
        await bot.ReplyToAsync(bot.Command("frobnicate", null));
        await bot.Discord.WaitForAsync(r => r.Path == FollowUpPath(failing));

        var token = (string)failing["token"]!;
        Assert.NotEmpty(bot.Logs.Lines);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(BotToken, StringComparison.Ordinal) || l.Contains(token, StringComparison.Ordinal));
    }
}

/// <summary>An answer too long for one Discord message, through the whole pipeline.</summary>
public sealed class DiscordLongAnswerTests : IAsyncLifetime
{
    // A person no article mentions, quoted at length in an article the test adds to the corpus.
    private const string Speaker = "Zorblax Quinton";

    private readonly TempFolder corpus = new();
    private DiscordBotHarness bot = null!;

    public async Task InitializeAsync()
    {
        RepositoryPaths.CopyCorpusTo(corpus.Path);
        // Forty long paragraphs of real prose, each a direct quotation: far more than one message holds.
        var quotes = CorpusFixture.Paragraphs.Where(p => p.Length > 300 && p.IndexOfAny(['"', '“', '”']) < 0).Take(40)
            .Select(p => $"“{p}” said {Speaker}.");
        await File.WriteAllTextAsync(corpus.Combine("999_long.txt"), $"A very long interview\n\nBy Test Author\n\n{string.Join("\n\n", quotes)}\n");
        bot = await DiscordBotHarness.StartAsync(new Dictionary<string, string?> { ["BriefingBot:Corpus"] = corpus.Path });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        corpus.Dispose();
    }

    [Fact]
    public async Task VeryLongAnswer_IsSplitIntoAnEditAndFollowUpsEachWithinEveryLimit()
    {
        var expected = bot.Services.GetRequiredService<BriefingService>().Said(Speaker);
        var interaction = bot.Command("said", DiscordBotHarness.MemberPermissions, ("person", Speaker));

        await bot.ReplyToAsync(interaction);

        var pages = bot.Services.GetRequiredService<DiscordMessageRenderer>().Answer(expected).Count;
        var edit = (await bot.Discord.WaitForAsync(r => r.Method == "PATCH" && r.Path == DiscordBotHarness.OriginalPath(interaction))).Single();
        var followUps = await bot.Discord.WaitForAsync(r => r.Method == "POST" && r.Path == DiscordBotHarness.FollowUpPath(interaction), pages - 1);
        var messages = followUps.Prepend(edit).Select(r => r.Json).ToList();
        Assert.True(expected.Results.Count >= 30, $"{expected.Results.Count} quotations found");
        Assert.InRange(messages.Count, 2, DiscordMessageRenderer.MaxMessages);
        Assert.All(messages, DiscordAssert.IsAcceptableMessage);
        Assert.All(messages, m => DiscordAssert.QuotesAreVerbatim(m, [.. Directory.EnumerateFiles(corpus.Path).Select(File.ReadAllText)]));
        var shown = messages.Sum(m => m.GetProperty("embeds").GetArrayLength());
        var notShown = System.Text.RegularExpressions.Regex.Match(DiscordAssert.Text(edit.Json, "content"), @"…and (\d+) more not shown") is { Success: true } more ? int.Parse(more.Groups[1].Value) : 0;
        Assert.Equal(expected.Results.Count, shown + notShown);
    }
}
