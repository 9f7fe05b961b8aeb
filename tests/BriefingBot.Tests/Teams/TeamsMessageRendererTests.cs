using System.Text.Json.Nodes;
using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Hosting;
using BriefingBot.Teams;
using BriefingBot.Timeline;

namespace BriefingBot.Tests.Teams;

public sealed class TeamsMessageRendererTests
{
    private static readonly ArticleRef Article = new("004_trade", "Trade talks resume", "Jane Roe", new DateOnly(2026, 5, 1), "004_trade.txt");
    private static readonly ArticleRef Untitled = new("009_note", null, null, null, "009_note.txt");
    private readonly TeamsMessageRenderer renderer = new();

    [Fact]
    public void Answer_ShowsEachQuote_ItsSpeaker_AndACitationLine()
    {
        var answer = new Answer("what did Li say?",
        [
            new AnswerItem("“We will not yield,” Li said.", "Li Wei", Article, 7, 3.2),
            new AnswerItem("Talks resumed on Monday.", null, Untitled, 2, 1.1),
        ], null);

        var message = renderer.Answer(answer);

        var sections = Card(message)["body"]!.AsArray().Where(e => (string?)e!["type"] == "Container").ToList();
        Assert.Equal(2, sections.Count);
        Assert.Equal(["Li Wei", "“We will not yield,” Li said.", "Trade talks resume · Jane Roe · 2026-05-01 · ¶ 7 · 004_trade.txt"], Texts(sections[0]!));
        Assert.Equal(["Talks resumed on Monday.", "¶ 2 · 009_note.txt"], Texts(sections[1]!));
        Assert.Contains("Li Wei: “We will not yield,” Li said.", message.Summary);
        Assert.Contains("(¶ 2 · 009_note.txt)", message.Summary);
        Assert.False(message.Shortened);
    }

    [Fact]
    public void Answer_IsAnAdaptiveCardTeamsRenders()
    {
        var card = Card(renderer.Answer(new Answer("q", [], "The corpus never quotes Jane Doe.")));

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("Full", (string?)card["msteams"]!["width"]);
    }

    [Fact]
    public void Answer_KeepsMarkdownCharactersVerbatim()
    {
        // Text runs are not markdown: a quote with *stars* and _underscores_ must arrive exactly as written.
        const string quote = "Prices rose *sharply* in Q3_2025, [analysts] said.";

        var message = renderer.Answer(new Answer("prices", [new AnswerItem(quote, null, Article, 1, 1)], null));

        Assert.Contains(quote, AllTexts(Card(message)));
        Assert.DoesNotContain("\"TextBlock\"", message.CardJson);
    }

    [Fact]
    public void Answer_WithNothingFound_SaysTheNote()
    {
        var message = renderer.Answer(new Answer("what did Jane Doe say?", [], "The corpus never quotes Jane Doe."));

        Assert.Equal(["what did Jane Doe say?", "The corpus never quotes Jane Doe."], AllTexts(Card(message)));
    }

    [Fact]
    public void LargeAnswer_StaysWithinTheSizeLimit_AndSaysWhatWasLeftOut()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("The delegation met again to discuss export controls and tariffs.", 12));
        var items = Enumerable.Range(1, 60).Select(i => new AnswerItem(paragraph, "Li Wei", Article, i, 1)).ToList();

        var message = renderer.Answer(new Answer("export controls", items, null));

        var activity = message.ToActivity("28:bot", "Briefing Bot", "19:channel@thread.tacv2;messageid=1", "1").ToJsonString(TeamsJson.Options);
        Assert.True(activity.Length * 2 <= TeamsMessageRenderer.DefaultMaxBytes, $"{activity.Length * 2} bytes");
        Assert.True(message.Shortened);
        var shown = Card(message)["body"]!.AsArray().Count(e => (string?)e!["type"] == "Container");
        Assert.InRange(shown, 1, 59);
        Assert.Equal($"Shortened to fit Teams' message size limit: {60 - shown} more passages not shown.", AllTexts(Card(message))[^1]);
    }

    [Fact]
    public void OverlongPassage_IsCutAtAWordBoundary_WithAnEllipsis_AndSaysSo()
    {
        var words = Enumerable.Range(0, 600).Select(i => $"word{i}");
        var paragraph = string.Join(' ', words);

        var message = renderer.Answer(new Answer("long", [new AnswerItem(paragraph, null, Article, 3, 1)], null));

        var shown = Texts(Card(message)["body"]!.AsArray().Single(e => (string?)e!["type"] == "Container")!)[0];
        Assert.EndsWith("…", shown);
        Assert.True(shown.Length <= TeamsMessageRenderer.MaxQuoteChars + 1);
        var kept = shown.TrimEnd('…');
        Assert.StartsWith(kept + " ", paragraph); // a prefix of the quote, ending where a word ends
        Assert.Equal("Shortened to fit Teams' message size limit: long passages cut short at “…”.", AllTexts(Card(message))[^1]);
    }

    [Fact]
    public void Reminder_SaysHowFarAhead_TheDateAsPreciseAsTheText_AndTheSource()
    {
        var milestone = new Milestone("m1", new DateOnly(2026, 11, 1), DatePrecision.Month, "tariff pause ends", MilestoneKind.Deadline,
            "The pause ends in November 2026.", Article, 4);

        var texts = AllTexts(Card(renderer.Reminder(new ReminderPost(milestone, TimeSpan.FromDays(1)))));

        Assert.Equal(
            ["Deadline tomorrow: tariff pause ends", "November 2026", "The pause ends in November 2026.",
             "Trade talks resume · Jane Roe · 2026-05-01 · ¶ 4 · 004_trade.txt"],
            texts);
    }

    [Theory]
    [InlineData(0, "Coming up today: summit")]
    [InlineData(7, "Coming up in 7 days: summit")]
    public void Reminder_LeadTimes(int days, string title)
    {
        var milestone = new Milestone("m2", new DateOnly(2026, 6, 3), DatePrecision.Day, "summit", MilestoneKind.Event, "A summit on 3 June.", Article, 1);

        Assert.Equal(title, AllTexts(Card(renderer.Reminder(new ReminderPost(milestone, TimeSpan.FromDays(days)))))[0]);
    }

    [Fact]
    public void Milestones_ListEachWithItsDistanceFromToday()
    {
        var today = new DateOnly(2026, 6, 1);
        var soon = new Milestone("a", new DateOnly(2026, 6, 11), DatePrecision.Day, "talks in Geneva", MilestoneKind.Event, "Talks open in Geneva on June 11.", Article, 2);
        var past = new Milestone("b", new DateOnly(2026, 5, 29), DatePrecision.Day, "deadline passed", MilestoneKind.Deadline, "The deadline was May 29.", Article, 5);

        var texts = AllTexts(Card(renderer.Milestones([soon, past], today, null)));

        Assert.Equal("Milestones", texts[0]);
        Assert.Contains("11 June 2026 (in 10 days) — talks in Geneva", texts);
        Assert.Contains("29 May 2026 (3 days ago) — deadline passed", texts);
        Assert.Contains("Talks open in Geneva on June 11.", texts);
    }

    [Fact]
    public void Milestones_NoneInTheWindow_SaysSo()
    {
        var texts = AllTexts(Card(renderer.Milestones([], new DateOnly(2026, 6, 1), 30)));

        Assert.Equal(["Milestones in the next 30 days", "Nothing dated in the next 30 days."], texts);
    }

    [Fact]
    public void Digest_GroupsWhatIsComingUp_WhatIsNew_AndWhoSaidWhat()
    {
        var today = new DateOnly(2026, 6, 1);
        var milestone = new Milestone("a", new DateOnly(2026, 6, 2), DatePrecision.Day, "vote", MilestoneKind.Event, "The vote is on June 2.", Article, 2);
        var digest = new Digest(today, 14, [milestone], [Article], [new AnswerItem("“Enough,” she said.", "Ana Ruiz", Article, 9, 1)]);

        var texts = AllTexts(Card(renderer.Digest(digest)));

        Assert.Equal(
        [
            "Briefing for 1 June 2026",
            "Coming up in the next 14 days", "2 June 2026 (tomorrow) — vote", "The vote is on June 2.", "Trade talks resume · Jane Roe · 2026-05-01 · ¶ 2 · 004_trade.txt",
            "New articles", "Trade talks resume · Jane Roe · 2026-05-01 · 004_trade.txt",
            "Notable quotes", "Ana Ruiz", "“Enough,” she said.", "Trade talks resume · Jane Roe · 2026-05-01 · ¶ 9 · 004_trade.txt",
        ], texts);
    }

    [Fact]
    public void Digest_WithNothing_SaysSoPerSection()
    {
        var texts = AllTexts(Card(renderer.Digest(new Digest(new DateOnly(2026, 6, 1), 7, [], [], []))));

        Assert.Contains("Nothing dated in the next 7 days.", texts);
        Assert.Contains("No new articles.", texts);
        Assert.Contains("No new quotations.", texts);
    }

    [Fact]
    public void Help_ListsEveryCommand_AfterTheProblem()
    {
        var texts = AllTexts(Card(renderer.Help("I don't know the command “x”.")));

        Assert.Equal("I don't know the command “x”.", texts[0]);
        foreach (var verb in new[] { "ask question", "said person", "milestones [days]", "digest", "subscribe", "unsubscribe", "reindex", "help" })
            Assert.Contains(texts, t => t.StartsWith(verb + " — ", StringComparison.Ordinal));
    }

    [Fact]
    public void Reindex_ReportsCountsChangesAndEffects()
    {
        var moved = (Old: new Milestone("m", new DateOnly(2026, 11, 10), DatePrecision.Day, "truce expires", MilestoneKind.Deadline, "s", Article, 1),
                     New: new Milestone("m", new DateOnly(2027, 11, 10), DatePrecision.Day, "truce expires", MilestoneKind.Deadline, "s", Article, 1));
        var report = new ReindexReport(6, 120, 40, [Untitled], [], [], 3, [], [moved], [], [moved.New],
            [new CorpusWarning("bad.bin", "binary file")], TimeSpan.FromSeconds(2.31));

        var texts = AllTexts(Card(renderer.Reindex(new AdminReindexResult(report, ["reminders: 3 moved"]))));

        Assert.Equal(
        [
            "Reindexed 6 articles in 2.3 s", "120 passages, 40 quotations (3 new).", "reminders: 3 moved",
            "Articles added", "009_note.txt",
            "Milestones moved", "10 November 2026 → 10 November 2027 — truce expires",
            "Files skipped", "bad.bin: binary file",
        ], texts);
    }

    [Fact]
    public void Reindex_Unchanged_SaysNothingChanged()
    {
        var report = new ReindexReport(5, 100, 30, [], [], [], 0, [], [], [], [], [], TimeSpan.FromSeconds(1));

        Assert.Contains("Nothing changed in the corpus.", AllTexts(Card(renderer.Reindex(new AdminReindexResult(report, [])))));
    }

    [Fact]
    public void EveryTextRun_HasText()
    {
        // An empty TextRun is invalid Adaptive Card content.
        var messages = new[]
        {
            renderer.Help(), renderer.Help("why"), renderer.Notice("ok"),
            renderer.Digest(new Digest(new DateOnly(2026, 6, 1), 7, [], [Untitled], [])),
            renderer.Answer(new Answer("q", [new AnswerItem("x", null, Untitled, 1, 1)], null)),
        };

        foreach (var message in messages)
            Assert.DoesNotContain("\"text\":\"\"", message.CardJson);
    }

    private static JsonObject Card(TeamsMessage message) => JsonNode.Parse(message.CardJson)!.AsObject();

    private static List<string> AllTexts(JsonObject card) => card["body"]!.AsArray().SelectMany(e => Texts(e!)).ToList();

    /// <summary>The text of every paragraph in an element, in order (a paragraph's runs joined).</summary>
    private static List<string> Texts(JsonNode element) =>
        element.AsObject().TryGetPropertyValue("inlines", out var inlines)
            ? [string.Concat(inlines!.AsArray().Select(run => (string?)run!["text"]))]
            : element["items"]!.AsArray().SelectMany(child => Texts(child!)).ToList();
}
