using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Delivery;
using BriefingBot.Teams;
using BriefingBot.Timeline;
using Microsoft.Extensions.DependencyInjection;
using static BriefingBot.Tests.Teams.TeamsActivities;

namespace BriefingBot.Tests.Teams;

/// <summary>
/// End to end through the real host: activities POSTed to <c>/api/messages</c> with valid tokens, replies and
/// proactive posts read off the fake Bot Connector on 127.0.0.1.
/// </summary>
public sealed class TeamsConversationTests() : TeamsHostFixture("msteams")
{
    [Fact]
    public async Task ChannelMessage_MentioningTheBot_GetsACitedAnswerCardInItsThread()
    {
        await Host.WaitUntilReadyAsync();
        var response = await SendAsync(ChannelMessage(Fake.ServiceUrl, "ask what is the G2 concept?"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reply = await Fake.NextConnectorRequestAsync();
        Assert.Equal("/connector/v3/conversations/19%3Aabc123def456%40thread.tacv2%3Bmessageid%3D1718000000123/activities/1718000000123", reply.RawTarget);
        Assert.Equal($"Bearer {FakeBotFramework.AccessToken(1)}", reply.Authorization);
        Assert.Equal("message", (string?)reply.Body["type"]);
        Assert.Equal("1718000000123", (string?)reply.Body["replyToId"]);
        Assert.Equal(BotId, (string?)reply.Body["from"]!["id"]);
        Assert.Equal($"{ChannelId};messageid=1718000000123", (string?)reply.Body["conversation"]!["id"]);

        var card = Card(reply);
        Assert.Equal("1.5", (string?)card["version"]);
        var sections = card["body"]!.AsArray().Where(e => (string?)e!["type"] == "Container").ToList();
        Assert.NotEmpty(sections);
        foreach (var section in sections)
        {
            // The last line cites the file; the line before it is a verbatim passage of that file.
            var lines = Texts(section!).ToList();
            var citation = lines[^1];
            var file = citation.Split(" · ")[^1];
            Assert.Matches(@"¶ \d+", citation);
            Assert.Contains(Normalize(lines[^2].TrimEnd('…')), Normalize(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, file))));
        }
        Assert.False(string.IsNullOrWhiteSpace((string?)reply.Body["summary"]));
    }

    [Fact]
    public async Task PersonalMessage_GetsItsReplyInThePersonalChat()
    {
        await SendAsync(PersonalMessage(Fake.ServiceUrl, "help"));

        var reply = await Fake.NextConnectorRequestAsync();
        Assert.Equal("/connector/v3/conversations/a%3A1XyZpersonalConv0123456789/activities/1718000100456", reply.RawTarget);
        Assert.Contains("What I can do", Texts(Card(reply)));
    }

    [Fact]
    public async Task Install_ThenAReminder_IsPostedProactivelyToTheStoredConversation()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(InstalledInTeam(Fake.ServiceUrl))).StatusCode);
        var milestone = new Milestone("m-truce", new DateOnly(2026, 11, 10), DatePrecision.Day, "truce expires", MilestoneKind.Deadline,
            "The truce expires on November 10, 2026.", new ArticleRef("a1", "Trade truce", "Jane Roe", new DateOnly(2026, 5, 1), "a1.txt"), 8);

        var result = await Poster().PostAsync(new ChannelAddress("teams", ChannelId), new ReminderPost(milestone, TimeSpan.FromDays(7)), default);

        Assert.Equal(DeliveryResult.Delivered, result);
        var post = await Fake.NextConnectorRequestAsync();
        Assert.Equal("/connector/v3/conversations/19%3Aabc123def456%40thread.tacv2/activities", post.RawTarget);
        var expected = JsonNode.Parse("""
            {"type":"message",
             "from":{"id":"28:00000000-0000-0000-0000-00000000b07a","name":"Briefing Bot"},
             "conversation":{"id":"19:abc123def456@thread.tacv2"},
             "summary":"Deadline in 7 days: truce expires\n\n10 November 2026\n\nThe truce expires on November 10, 2026.\nTrade truce · Jane Roe · 2026-05-01 · ¶ 8 · a1.txt",
             "attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{
               "type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","msteams":{"width":"Full"},
               "body":[
                 {"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"Deadline in 7 days: truce expires","weight":"Bolder","size":"Medium"}]},
                 {"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"10 November 2026","weight":"Bolder"}]},
                 {"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"The truce expires on November 10, 2026."}]},
                 {"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"Trade truce · Jane Roe · 2026-05-01 · ¶ 8 · a1.txt","isSubtle":true,"size":"Small"}]}
               ]}}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, post.Body), post.Body.ToJsonString());
    }

    [Fact]
    public async Task Throttled_ThenAccepted_PostsOnce()
    {
        await SendAsync(InstalledInTeam(Fake.ServiceUrl));
        Fake.AnswerNextPostWith(429, "Throttled", retryAfterSeconds: 1);

        var result = await Poster().PostAsync(new ChannelAddress("teams", ChannelId), new DigestPost(EmptyDigest()), default);

        Assert.Equal(DeliveryResult.Delivered, result);
        var throttled = await Fake.NextConnectorRequestAsync();
        var accepted = await Fake.NextConnectorRequestAsync();
        Assert.True(JsonNode.DeepEquals(throttled.Body, accepted.Body));
        Assert.True(await Fake.ReceivesNothingWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task BotRemovedFromTheConversation_PostFailsPermanently_AndTheConversationIsForgotten()
    {
        await SendAsync(InstalledInTeam(Fake.ServiceUrl));
        Fake.AnswerNextPostWith(403, "BotNotInConversationRoster");

        var result = await Poster().PostAsync(new ChannelAddress("teams", ChannelId), new DigestPost(EmptyDigest()), default);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.Null(await Host.StoredConversationAsync(ChannelId));
    }

    [Fact]
    public async Task Uninstall_ForgetsTheConversationAndItsSubscription()
    {
        await SendAsync(InstalledInTeam(Fake.ServiceUrl));
        await Subscriptions().SubscribeAsync(new Subscription(new ChannelAddress("teams", ChannelId)));

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(RemovedFromTeam(Fake.ServiceUrl))).StatusCode);

        Assert.Null(await Host.StoredConversationAsync(ChannelId));
        Assert.Empty(await Subscriptions().ListAsync());
    }

    [Fact]
    public async Task NonAdminReindex_IsRefused()
    {
        await SendAsync(PersonalMessage(Fake.ServiceUrl, "reindex"));

        var reply = await Fake.NextConnectorRequestAsync();
        Assert.Contains(Texts(Card(reply)), t => t.StartsWith("Only the bot's admins can do that.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminSubscribe_InAChannelThread_SubscribesTheChannel()
    {
        await SendAsync(ChannelMessage(Fake.ServiceUrl, "subscribe", userAadId: AdminAadId));

        var reply = await Fake.NextConnectorRequestAsync();
        Assert.Contains(Texts(Card(reply)), t => t.StartsWith("Subscribed", StringComparison.Ordinal));
        var subscription = Assert.Single(await Subscriptions().ListAsync());
        Assert.Equal(new ChannelAddress("teams", ChannelId), subscription.Channel);
    }

    [Fact]
    public async Task UnknownCommand_GetsHelp()
    {
        await SendAsync(PersonalMessage(Fake.ServiceUrl, "frobnicate"));

        var texts = Texts(Card(await Fake.NextConnectorRequestAsync())).ToList();
        Assert.Contains("I don't know the command “frobnicate”.", texts);
        Assert.Contains("What I can do", texts);
    }

    [Fact]
    public async Task BotToken_IsFetchedOnceAndReused()
    {
        await SendAsync(PersonalMessage(Fake.ServiceUrl, "help", id: "1"));
        await SendAsync(PersonalMessage(Fake.ServiceUrl, "help", id: "2"));

        Assert.Equal($"Bearer {FakeBotFramework.AccessToken(1)}", (await Fake.NextConnectorRequestAsync()).Authorization);
        Assert.Equal($"Bearer {FakeBotFramework.AccessToken(1)}", (await Fake.NextConnectorRequestAsync()).Authorization);
        var request = Assert.Single(Fake.TokenRequests);
        Assert.Equal("client_credentials", request["grant_type"]);
        Assert.Equal(AppId, request["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", request["scope"]);
    }

    [Fact]
    public async Task RedeliveredMessage_IsAnsweredOnce()
    {
        await SendAsync(PersonalMessage(Fake.ServiceUrl, "help"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(PersonalMessage(Fake.ServiceUrl, "help"))).StatusCode);

        await Fake.NextConnectorRequestAsync();
        Assert.True(await Fake.ReceivesNothingWithinAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task MalformedJson_IsABadRequest()
    {
        var response = await Host.PostRawAsync("{\"type\": \"message\", \"text\": ", Key.ChannelToken(Fake.ServiceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ValidJsonOfOddShape_IsNeverAServerError()
    {
        var message = PersonalMessage(Fake.ServiceUrl, "help");
        message["entities"] = new JsonArray(null, new JsonObject { ["type"] = "mention" });
        var install = InstalledInTeam(Fake.ServiceUrl);
        install["membersAdded"] = new JsonArray(null, new JsonObject());

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(message)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(install)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Host.PostRawAsync("""{"type": 5}""", Key.ChannelToken(Fake.ServiceUrl))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Host.PostRawAsync("""{"text": "no type"}""", Key.ChannelToken(Fake.ServiceUrl))).StatusCode);
    }

    private Task<HttpResponseMessage> SendAsync(JsonObject activity) =>
        Host.PostActivityAsync(activity, Key.ChannelToken(Fake.ServiceUrl));

    private IChannelPoster Poster() => Host.Services.GetServices<IChannelPoster>().Single(p => p.Platform == "teams");

    private ISubscriptionStore Subscriptions() => Host.Services.GetRequiredService<ISubscriptionStore>();

    private static Digest EmptyDigest() => new(new DateOnly(2026, 5, 4), 14, [], [], []);

    private static JsonObject Card(ConnectorRequest request)
    {
        var attachment = Assert.Single(request.Body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        return attachment["content"]!.AsObject();
    }

    /// <summary>Every paragraph of a card element, in order: the text of its runs.</summary>
    private static IEnumerable<string> Texts(JsonNode element) =>
        element.AsObject().TryGetPropertyValue("inlines", out var inlines)
            ? [string.Concat(inlines!.AsArray().Select(run => (string?)run!["text"]))]
            : new[] { "body", "items" }.Where(element.AsObject().ContainsKey)
                .SelectMany(name => element[name]!.AsArray().SelectMany(child => Texts(child!)));

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
