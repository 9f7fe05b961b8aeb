using System.Text.Json;
using System.Text.RegularExpressions;
using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Discord;
using BriefingBot.Hosting;
using BriefingBot.Timeline;

namespace BriefingBot.Tests.Discord;

public sealed class DiscordMessageRendererTests
{
    private readonly DiscordMessageRenderer renderer = new();

    private static JsonElement Wire(DiscordMessage message) => JsonSerializer.SerializeToElement(message, DiscordJson.Options);

    [Fact]
    public void Answer_EveryParagraphOfTheLongestArticle_IsSplitIntoMessagesWithinDiscordLimits()
    {
        var items = CorpusFixture.Paragraphs.Select((p, i) => CorpusFixture.Item(p, i + 1)).ToList();

        var messages = renderer.Answer(new Answer("everything", items, null));

        Assert.InRange(messages.Count, 2, DiscordMessageRenderer.MaxMessages);
        Assert.All(messages, m => DiscordAssert.IsAcceptableMessage(Wire(m)));
        Assert.All(messages, m => DiscordAssert.QuotesAreVerbatim(Wire(m), CorpusFixture.Texts));
    }

    [Fact]
    public void Answer_MoreQuotesThanFiveMessagesHold_SaysHowManyAreNotShown()
    {
        var items = Enumerable.Range(0, 8).SelectMany(_ => CorpusFixture.Paragraphs).Select((p, i) => CorpusFixture.Item(p, i + 1)).ToList();

        var messages = renderer.Answer(new Answer("everything, eight times", items, null));

        var shown = messages.Sum(m => m.Embeds!.Count);
        var notShown = int.Parse(Regex.Match(messages[0].Content!, @"…and (\d+) more not shown").Groups[1].Value);
        Assert.Equal(DiscordMessageRenderer.MaxMessages, messages.Count);
        Assert.Equal(items.Count, shown + notShown);
    }

    [Fact]
    public void Answer_QuoteLongerThanAnEmbedHolds_IsCutBetweenWordsAndMarked()
    {
        var whole = File.ReadAllText(CorpusFixture.LongestFile);

        var message = Assert.Single(renderer.Answer(new Answer("all of it", [CorpusFixture.Item(whole, 1)], null)));

        var description = Assert.Single(message.Embeds!).Description!;
        Assert.EndsWith(DiscordText.TruncationMark, description);
        DiscordAssert.IsAcceptableMessage(Wire(message));
        DiscordAssert.QuotesAreVerbatim(Wire(message), CorpusFixture.Texts);
    }

    [Fact]
    public void Answer_EachQuote_IsCitedWithTitleAuthorDateParagraphAndFile()
    {
        var message = Assert.Single(renderer.Answer(new Answer("q", [CorpusFixture.Item(CorpusFixture.Paragraphs[3], 4)], null)));

        var embed = Assert.Single(message.Embeds!);
        Assert.Equal(@"A title with \*stars\* and a\_b", embed.Title);
        Assert.Equal(@$"Jane Roe · 2026-01-01 · ¶4 · {DiscordText.Escape(CorpusFixture.Article.File)}", Assert.Single(embed.Fields!, f => f.Name == "Source").Value);
    }

    [Fact]
    public void Answer_DirectQuotation_NamesItsSpeaker()
    {
        var message = Assert.Single(renderer.Answer(new Answer("q", [CorpusFixture.Item(CorpusFixture.Paragraphs[3], 4, speaker: "Jane Q. Speaker")], null)));

        Assert.Equal("Jane Q. Speaker", Assert.Single(message.Embeds![0].Fields!, f => f.Name == "Said by").Value);
    }

    [Fact]
    public void Answer_QuoteWithMentionsAndMarkdown_ShowsThemLiterallyAndPingsNobody()
    {
        var message = renderer.Answer(new Answer("q", [CorpusFixture.Item("@everyone look at <@123> and **this**", 1)], null))[0];

        Assert.Equal(@"> @everyone look at \<@123> and \*\*this\*\*", message.Embeds![0].Description);
        Assert.Equal("""{"parse":[]}""", Wire(message).GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public void Answer_WithoutResults_SaysTheNoteWithoutEmbeds()
    {
        var message = Assert.Single(renderer.Answer(new Answer("What did Nobody say?", [], "The articles never quote Nobody.")));

        Assert.Null(message.Embeds);
        Assert.Contains("The articles never quote Nobody.", message.Content);
        DiscordAssert.IsAcceptableMessage(Wire(message));
    }

    [Fact]
    public void Answer_TenThousandCharacterQuestion_FitsTheContentLimit()
    {
        var question = string.Join(' ', Enumerable.Repeat("truce", 2000));

        var message = renderer.Answer(new Answer(question, [CorpusFixture.Item(CorpusFixture.Paragraphs[0], 1)], null))[0];

        Assert.Contains(DiscordText.TruncationMark, message.Content);
        DiscordAssert.IsAcceptableMessage(Wire(message));
    }

    [Fact]
    public void Milestones_MoreThanOneMessageHolds_StayWithinLimitsAndSayHowManyMore()
    {
        var milestones = CorpusFixture.Milestones(CorpusFixture.Paragraphs.Count);

        var message = renderer.Milestones(milestones, days: null);

        DiscordAssert.IsAcceptableMessage(Wire(message));
        var shown = message.Embeds!.Sum(e => e.Fields!.Count);
        Assert.Contains($"…and {milestones.Count - shown} more not shown", message.Content);
    }

    [Fact]
    public void Milestones_EachShowsDateLabelSourceSentenceAndCitation()
    {
        var milestone = CorpusFixture.Milestones(1)[0];

        var field = renderer.Milestones([milestone], days: 30).Embeds![0].Fields![0];

        Assert.Equal("2026-11-10 — event 0", field.Name);
        Assert.StartsWith("> ", field.Value);
        Assert.EndsWith($"· ¶1 · {DiscordText.Escape(CorpusFixture.Article.File)}", field.Value);
    }

    [Fact]
    public void Milestones_MonthPrecision_ShowsTheMonthNotADay()
    {
        var milestone = CorpusFixture.Milestones(1)[0] with { Date = new DateOnly(2027, 5, 1), Precision = DatePrecision.Month };

        Assert.StartsWith("May 2027 — ", renderer.Milestones([milestone], days: null).Embeds![0].Fields![0].Name);
    }

    [Fact]
    public void Milestones_None_SaysSo() =>
        Assert.Equal("**Milestones in the next 7 days:** none found in the articles.", renderer.Milestones([], days: 7).Content);

    [Theory]
    [InlineData(7, "In 7 days")]
    [InlineData(1, "Tomorrow")]
    [InlineData(0, "Today")]
    public void Reminder_SaysHowSoonAndQuotesItsSource(int days, string when)
    {
        var milestone = CorpusFixture.Milestones(1)[0];

        var message = renderer.Reminder(new ReminderPost(milestone, TimeSpan.FromDays(days)));

        Assert.Equal($"⏰ **{when}: event 0** (2026-11-10)", message.Content);
        DiscordAssert.IsAcceptableMessage(Wire(message));
        DiscordAssert.QuotesAreVerbatim(Wire(message), CorpusFixture.Texts);
    }

    [Fact]
    public void Digest_LongDigest_IsSplitWithinLimitsAndStartsWithItsDate()
    {
        var quotes = CorpusFixture.Paragraphs.Select((p, i) => CorpusFixture.Item(p, i + 1, "Some Speaker")).ToList();
        var articles = Enumerable.Range(0, 300).Select(i => CorpusFixture.Article with { Id = $"a{i}", Title = $"Article {i}" }).ToList();
        var digest = new Digest(new DateOnly(2026, 11, 2), 14, CorpusFixture.Milestones(40), articles, quotes);

        var messages = renderer.Digest(digest);

        Assert.StartsWith("**Briefing for 2026-11-02**", messages[0].Content);
        Assert.Contains("…and", messages.SelectMany(m => m.Embeds!).Single(e => e.Title == "New articles").Description); // 300 do not fit
        Assert.All(messages, m => DiscordAssert.IsAcceptableMessage(Wire(m)));
        Assert.All(messages, m => DiscordAssert.QuotesAreVerbatim(Wire(m), CorpusFixture.Texts));
    }

    [Fact]
    public void Digest_Empty_SaysNothingIsComingUp()
    {
        var message = Assert.Single(renderer.Digest(new Digest(new DateOnly(2026, 11, 2), 14, [], [], [])));

        Assert.Equal(["Nothing dated in the next 14 days.", "No new articles."], message.Embeds!.Select(e => e.Description));
    }

    [Fact]
    public void Reindex_LongReport_IsEphemeralAndWithinLimits()
    {
        var many = Enumerable.Range(0, 200).Select(i => CorpusFixture.Article with { Title = $"Article number {i}" }).ToList();
        var milestones = CorpusFixture.Milestones(CorpusFixture.Paragraphs.Count);
        var report = new ReindexReport(200, 5000, 900, many, many, many, 900, milestones, [.. milestones.Zip(milestones.Skip(1))], milestones, milestones,
            [.. many.Select(a => new CorpusWarning(a.File, "binary file skipped"))], TimeSpan.FromSeconds(3.25));

        var message = renderer.Reindex(new AdminReindexResult(report, ["reminders: 3 added, 2 moved"]));

        Assert.Equal(DiscordMessage.Ephemeral, message.Flags);
        Assert.Equal("Reindexed 200 articles (5000 passages, 900 quotations) in 3.2 s.", message.Content);
        DiscordAssert.IsAcceptableMessage(Wire(message));
    }

    [Fact]
    public void Help_ListsEveryCommandWithItsOptions()
    {
        var help = renderer.Help().Content!;

        Assert.All(DiscordCommands.Global, c => Assert.Contains($"`{c.Usage}`", help));
        Assert.Contains("`/milestones [days]`", help);
    }

    [Fact]
    public void Help_ForAnUnknownCommand_NamesIt() =>
        Assert.StartsWith("I don't know `/frobnicate`.", renderer.Help("frobnicate").Content);
}
