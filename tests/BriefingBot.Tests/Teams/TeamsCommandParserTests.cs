using System.Text.Json;
using BriefingBot.Teams;
using static BriefingBot.Tests.Teams.TeamsActivities;

namespace BriefingBot.Tests.Teams;

public sealed class TeamsCommandParserTests
{
    [Fact]
    public void ChannelMessage_FromTheSpec_LosesTheBotMention()
    {
        // Fixture A of specs/teams.md: expected stripped text "brief Q3 supply risks".
        var activity = Parse(ChannelMessage("https://smba.trafficmanager.net/emea/", "brief Q3 supply risks").ToJsonString());

        Assert.Equal("brief Q3 supply risks", TeamsCommandParser.StripRecipientMention(activity));
    }

    [Fact]
    public void MentionEntityWithoutText_IsStrippedByTheMentionedName()
    {
        // Teams has sent mention entities without "text" for names containing '&'; the message then holds it escaped.
        var activity = new Activity
        {
            Text = "<at>R&amp;D Bot</at> digest",
            Recipient = new ChannelAccount("28:bot", "R&D Bot"),
            Entities = [new Entity("mention", new ChannelAccount("28:bot", "R&D Bot"))],
        };

        Assert.Equal("digest", TeamsCommandParser.StripRecipientMention(activity));
    }

    [Fact]
    public void OtherPeoplesMentions_AreKeptAsTheirNames()
    {
        var activity = new Activity
        {
            Text = "<at>Briefing Bot</at> said <at>Jane&nbsp;Doe</at>",
            Recipient = new ChannelAccount(BotId, BotName),
            Entities =
            [
                new Entity("mention", new ChannelAccount(BotId, BotName), "<at>Briefing Bot</at>"),
                new Entity("mention", new ChannelAccount(UserId, "Jane Doe"), "<at>Jane&nbsp;Doe</at>"),
            ],
        };

        Assert.Equal(new SaidCommand("Jane Doe"), TeamsCommandParser.Parse(activity));
    }

    [Fact]
    public void MentionOfSomeoneElse_NamedLikeTheBot_IsNotStripped()
    {
        // Only entities whose mentioned id is the recipient's count; the visible text proves nothing.
        var activity = new Activity
        {
            Text = "<at>Briefing Bot</at> ask",
            Recipient = new ChannelAccount(BotId, BotName),
            Entities = [new Entity("mention", new ChannelAccount("29:impostor", BotName), "<at>Briefing Bot</at>")],
        };

        Assert.Equal("Briefing Bot ask", TeamsCommandParser.StripRecipientMention(activity));
    }

    [Theory]
    [InlineData("ask what did the minister say?", "what did the minister say?")]
    [InlineData("/ask  tariffs", "tariffs")]
    [InlineData("ASK Why now?", "Why now?")]
    public void Ask_TakesTheRestAsTheQuestion(string text, string question)
    {
        Assert.Equal(new AskCommand(question), TeamsCommandParser.Parse(text));
    }

    [Fact]
    public void BareQuestion_IsAnAsk()
    {
        Assert.Equal(new AskCommand("when does the truce end?"), TeamsCommandParser.Parse("when does the truce end?"));
    }

    [Theory]
    [InlineData("milestones", null)]
    [InlineData("milestones 30", 30)]
    [InlineData("/milestones 3650", 3650)]
    public void Milestones_TakesAnOptionalNumberOfDays(string text, int? days)
    {
        Assert.Equal(new MilestonesCommand(days), TeamsCommandParser.Parse(text));
    }

    [Theory]
    [InlineData("milestones soon")]
    [InlineData("milestones 0")]
    [InlineData("milestones 3651")]
    [InlineData("milestones -5")]
    public void Milestones_WithABadNumber_GetsHelpSayingWhy(string text)
    {
        var help = Assert.IsType<HelpCommand>(TeamsCommandParser.Parse(text));
        Assert.Contains("number of days", help.Problem);
    }

    [Theory]
    [InlineData("digest", typeof(DigestCommand))]
    [InlineData("subscribe", typeof(SubscribeCommand))]
    [InlineData("Unsubscribe", typeof(UnsubscribeCommand))]
    [InlineData("/reindex", typeof(ReindexCommand))]
    [InlineData("help", typeof(HelpCommand))]
    [InlineData("", typeof(HelpCommand))]
    public void Verbs_WithoutArguments(string text, Type command)
    {
        Assert.IsType(command, TeamsCommandParser.Parse(text));
    }

    [Theory]
    [InlineData("frobnicate", "I don't know the command “frobnicate”.")]
    [InlineData("/frobnicate the index", "I don't know the command “/frobnicate”.")]
    [InlineData("ask", "“ask” needs a question, for example: ask what was agreed?")]
    [InlineData("said", "“said” needs a person, for example: said Jane Doe")]
    [InlineData("reindex everything", "“reindex” takes nothing after it.")]
    public void CommandAttemptsThatFail_GetHelpSayingWhy(string text, string problem)
    {
        Assert.Equal(new HelpCommand(problem), TeamsCommandParser.Parse(text));
    }

    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, TeamsJson.Options)!;
}
