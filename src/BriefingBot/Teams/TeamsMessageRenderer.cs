using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Hosting;
using BriefingBot.Timeline;

namespace BriefingBot.Teams;

/// <summary>
/// Renders the platform-neutral records (answers, digests, reminders, milestones, reindex reports) as Teams messages:
/// an Adaptive Card with every quote, its speaker and a citation line (title · author · date · ¶ n · file), plus the
/// same content as plain text. Pure: same input, same message.
/// </summary>
/// <remarks>
/// A message stays within <c>maxBytes</c> as Teams counts them (UTF-16, two bytes a character) with room for the
/// activity envelope: passages longer than <see cref="MaxQuoteChars"/> are cut at a word boundary with an ellipsis,
/// and trailing items that do not fit are left out; either way the message ends by saying so.
/// </remarks>
public sealed class TeamsMessageRenderer
{
    /// <summary>The size Teams has long been observed to accept (~28 KB).</summary>
    public const int DefaultMaxBytes = 28_000;

    /// <summary>Longest passage shown in full; most news paragraphs are far shorter.</summary>
    public const int MaxQuoteChars = 1_500;

    private const int MaxQuestionChars = 300;

    // from, conversation, replyToId, the attachment wrapper: generous, so the whole activity fits.
    private const int EnvelopeChars = 600;

    private readonly int budgetChars;

    public TeamsMessageRenderer(int maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 4_000);
        budgetChars = maxBytes / 2 - EnvelopeChars;
    }

    /// <summary>An answer to <c>ask</c> or <c>said</c>: the question, the note if any, then each cited passage.</summary>
    public TeamsMessage Answer(Answer answer)
    {
        var head = new List<Block> { Block.Paragraph(Cut(answer.Question, MaxQuestionChars).Text, TextStyle.Title) };
        if (answer.Note is not null) head.Add(Block.Paragraph(answer.Note, TextStyle.Emphasis));
        else if (answer.Results.Count == 0) head.Add(Block.Paragraph("No passage of the corpus answers that."));
        return Fit(head, answer.Results.Select(QuoteBlock).ToList(), "passage");
    }

    /// <summary>The periodic briefing: what is coming up, what is new, who said what in it.</summary>
    public TeamsMessage Digest(Digest digest)
    {
        var head = new List<Block> { Block.Paragraph($"Briefing for {digest.Today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", TextStyle.Title) };
        var items = new List<Block>();
        items.AddRange(Group($"Coming up in the next {digest.HorizonDays} days",
            digest.Upcoming.Select(m => MilestoneBlock(m, digest.Today)), $"Nothing dated in the next {digest.HorizonDays} days."));
        items.AddRange(Group("New articles", digest.NewArticles.Select(ArticleBlock), "No new articles."));
        items.AddRange(Group("Notable quotes", digest.NotableQuotes.Select(QuoteBlock), "No new quotations."));
        return Fit(head, items, "item");
    }

    /// <summary>A reminder of a milestone, <see cref="ReminderPost.Lead"/> ahead of it.</summary>
    public TeamsMessage Reminder(ReminderPost reminder)
    {
        var milestone = reminder.Milestone;
        var what = milestone.Kind == MilestoneKind.Deadline ? "Deadline" : "Coming up";
        var source = Cut(milestone.Source, MaxQuoteChars);
        var head = new List<Block>
        {
            Block.Paragraph($"{what} {Lead(reminder.Lead)}: {milestone.Label}", TextStyle.Title),
            Block.Paragraph(DateText(milestone), TextStyle.Strong),
            new([AdaptiveCard.Paragraph(source.Text), AdaptiveCard.Paragraph(Citation(milestone.Article, milestone.Paragraph), TextStyle.Citation)],
                $"{source.Text}\n{Citation(milestone.Article, milestone.Paragraph)}", source.WasCut),
        };
        return Fit(head, [], "item");
    }

    /// <summary>Either kind of scheduled post.</summary>
    public TeamsMessage Post(Post post) => post switch
    {
        ReminderPost reminder => Reminder(reminder),
        DigestPost digest => Digest(digest.Digest),
        _ => throw new ArgumentOutOfRangeException(nameof(post), post.GetType().Name, "Unknown kind of post."),
    };

    /// <summary>The answer to <c>milestones [days]</c>: each milestone with its date, source sentence and citation.</summary>
    public TeamsMessage Milestones(IReadOnlyList<Milestone> milestones, DateOnly today, int? days)
    {
        var window = days is null ? "" : $" in the next {days} days";
        var head = new List<Block> { Block.Paragraph($"Milestones{window}", TextStyle.Title) };
        if (milestones.Count == 0) head.Add(Block.Paragraph($"Nothing dated{(days is null ? " from today on" : window)}."));
        return Fit(head, milestones.Select(m => MilestoneBlock(m, today)).ToList(), "milestone");
    }

    /// <summary>The commands, after <paramref name="problem"/> when help stands in for something that went wrong.</summary>
    public TeamsMessage Help(string? problem = null)
    {
        var head = new List<Block>();
        if (problem is not null) head.Add(Block.Paragraph(problem, TextStyle.Strong));
        head.Add(Block.Paragraph("What I can do", TextStyle.Title));
        head.AddRange(Commands.Select(c => new Block(
            [AdaptiveCard.Paragraph([
                AdaptiveCard.Run(c.Verb, TextStyle.Strong),
                .. c.Argument.Length > 0 ? [AdaptiveCard.Run(" " + c.Argument, TextStyle.Emphasis)] : Array.Empty<JsonObject>(),
                AdaptiveCard.Run(" — " + c.Description)])],
            $"{c.Verb}{(c.Argument.Length > 0 ? " " + c.Argument : "")} — {c.Description}")));
        head.Add(Block.Paragraph("In a channel or group chat, @mention me first. A question on its own works as “ask”.", TextStyle.Citation));
        return Fit(head, [], "item");
    }

    /// <summary>What an admin's reindex changed, and what the scheduler did about it.</summary>
    public TeamsMessage Reindex(AdminReindexResult result)
    {
        var report = result.Report;
        var head = new List<Block>
        {
            Block.Paragraph($"Reindexed {report.Articles} articles in {report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s", TextStyle.Title),
            Block.Paragraph($"{report.Passages} passages, {report.Quotations} quotations ({report.QuotationsAdded} new)."),
        };
        if (report.IsUnchanged) head.Add(Block.Paragraph("Nothing changed in the corpus."));
        head.AddRange(result.Effects.Select(effect => Block.Paragraph(effect)));

        var items = new List<Block>();
        items.AddRange(Group("Articles added", report.ArticlesAdded.Select(a => Block.Paragraph(ArticleLine(a))), null));
        items.AddRange(Group("Articles removed", report.ArticlesRemoved.Select(a => Block.Paragraph(ArticleLine(a))), null));
        items.AddRange(Group("Articles changed", report.ArticlesChanged.Select(a => Block.Paragraph(ArticleLine(a))), null));
        items.AddRange(Group("Milestones added", report.MilestonesAdded.Select(m => Block.Paragraph($"{DateText(m)} — {m.Label}")), null));
        items.AddRange(Group("Milestones moved", report.MilestonesMoved.Select(p => Block.Paragraph($"{DateText(p.Old)} → {DateText(p.New)} — {p.New.Label}")), null));
        items.AddRange(Group("Milestones removed", report.MilestonesRemoved.Select(m => Block.Paragraph($"{DateText(m)} — {m.Label}")), null));
        items.AddRange(Group("Files skipped", report.Warnings.Select(w => Block.Paragraph($"{w.File}: {w.Message}")), null));
        return Fit(head, items, "line");
    }

    /// <summary>A short message of the bot's own ("Subscribed.").</summary>
    public TeamsMessage Notice(string text) => Fit([Block.Paragraph(text)], [], "item");

    private static readonly (string Verb, string Argument, string Description)[] Commands =
    [
        ("ask", "question", "cited, verbatim passages that answer it"),
        ("said", "person", "every quotation of that person in the corpus"),
        ("milestones", "[days]", "dated events, upcoming first"),
        ("digest", "", "the briefing, now"),
        ("subscribe", "", "reminders and digests in this conversation (admins)"),
        ("unsubscribe", "", "stop them (admins)"),
        ("reindex", "", "rebuild the index from the corpus and report what changed (admins)"),
        ("help", "", "this list"),
    ];

    /// <summary>Keeps the head, then as many items as fit, then a footer saying what was shortened or left out.</summary>
    private TeamsMessage Fit(IReadOnlyList<Block> head, IReadOnlyList<Block> items, string noun)
    {
        var anyCut = head.Concat(items).Any(b => b.WasCut);
        var fixedSize = head.Sum(b => b.Size) + Block.Paragraph(Footer(items.Count, anyCut, noun) ?? "").Size + 200;
        var keep = 0;
        for (var used = fixedSize; keep < items.Count && used + items[keep].Size <= budgetChars; keep++)
            used += items[keep].Size;

        // The estimate is close; the built message is the judge. Bounded: at most one step per item.
        while (true)
        {
            var footer = Footer(items.Count - keep, anyCut, noun);
            var blocks = head.Concat(items.Take(keep)).Append(footer is null ? null : Block.Paragraph(footer, TextStyle.Citation)).OfType<Block>().ToList();
            var card = AdaptiveCard.Create(blocks.SelectMany(b => b.Elements).Select(e => e.DeepClone())).ToJsonString(TeamsJson.Options);
            var summary = string.Join("\n\n", blocks.Select(b => b.Text));
            if (card.Length + JsonSerializer.Serialize(summary, TeamsJson.Options).Length <= budgetChars || keep == 0)
                return new TeamsMessage(card, summary, footer is not null);
            keep--;
        }
    }

    private static string? Footer(int omitted, bool cut, string noun)
    {
        var parts = new List<string>();
        if (omitted > 0) parts.Add($"{omitted} more {noun}{(omitted == 1 ? "" : "s")} not shown");
        if (cut) parts.Add("long passages cut short at “…”");
        return parts.Count == 0 ? null : $"Shortened to fit Teams' message size limit: {string.Join("; ", parts)}.";
    }

    /// <summary>A group of items whose heading travels with its first item, so it is never left dangling.</summary>
    private static IEnumerable<Block> Group(string heading, IEnumerable<Block> items, string? whenEmpty)
    {
        var first = true;
        foreach (var item in items)
        {
            yield return first ? Block.Paragraph(heading, TextStyle.Strong).Then(item) : item;
            first = false;
        }
        if (first && whenEmpty is not null)
            yield return Block.Paragraph(heading, TextStyle.Strong).Then(Block.Paragraph(whenEmpty));
    }

    private static Block QuoteBlock(AnswerItem item)
    {
        var quote = Cut(item.Quote, MaxQuoteChars);
        var citation = Citation(item.Article, item.Paragraph);
        var elements = new List<JsonNode>();
        if (item.Speaker is not null) elements.Add(AdaptiveCard.Paragraph(item.Speaker, TextStyle.Strong));
        elements.Add(AdaptiveCard.Paragraph(quote.Text));
        elements.Add(AdaptiveCard.Paragraph(citation, TextStyle.Citation));
        var speaker = item.Speaker is null ? "" : item.Speaker + ": ";
        return new Block([AdaptiveCard.Section(elements)], $"{speaker}{quote.Text}\n({citation})", quote.WasCut);
    }

    private static Block MilestoneBlock(Milestone milestone, DateOnly today)
    {
        var source = Cut(milestone.Source, MaxQuoteChars);
        var when = DateText(milestone) + Relative(milestone, today);
        var citation = Citation(milestone.Article, milestone.Paragraph);
        return new Block(
            [AdaptiveCard.Section([
                AdaptiveCard.Paragraph(AdaptiveCard.Run(when, TextStyle.Strong), AdaptiveCard.Run(" — " + milestone.Label)),
                AdaptiveCard.Paragraph(source.Text),
                AdaptiveCard.Paragraph(citation, TextStyle.Citation)])],
            $"{when} — {milestone.Label}\n{source.Text}\n({citation})",
            source.WasCut);
    }

    private static Block ArticleBlock(ArticleRef article) => Block.Paragraph(ArticleLine(article));

    /// <summary>title · author · date · ¶ n · file, leaving out what the article does not say.</summary>
    public static string Citation(ArticleRef article, int paragraph) =>
        Join(article.Title, article.Author, article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"¶ {paragraph}", article.File);

    private static string ArticleLine(ArticleRef article) =>
        Join(article.Title, article.Author, article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), article.File);

    private static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>The date as precisely as the text gave it: "10 November 2026", "November 2026" or "2026".</summary>
    private static string DateText(Milestone milestone) => milestone.Date.ToString(milestone.Precision switch
    {
        DatePrecision.Day => "d MMMM yyyy",
        DatePrecision.Month => "MMMM yyyy",
        _ => "yyyy",
    }, CultureInfo.InvariantCulture);

    private static string Relative(Milestone milestone, DateOnly today)
    {
        // Only a day-precise date is so many days away; "November 2026" is not "in 23 days".
        if (milestone.Precision != DatePrecision.Day) return "";
        return (milestone.Date.DayNumber - today.DayNumber) switch
        {
            0 => " (today)",
            1 => " (tomorrow)",
            -1 => " (yesterday)",
            > 1 and var d => $" (in {d} days)",
            var d => $" ({-d} days ago)",
        };
    }

    private static string Lead(TimeSpan lead) => lead switch
    {
        _ when lead <= TimeSpan.Zero => "today",
        _ when lead == TimeSpan.FromDays(1) => "tomorrow",
        _ when lead.Ticks % TimeSpan.TicksPerDay == 0 => $"in {(int)lead.TotalDays} days",
        _ => $"in {(int)Math.Round(lead.TotalHours)} hours",
    };

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> characters at a word boundary, ending in "…".</summary>
    internal static (string Text, bool WasCut) Cut(string text, int max)
    {
        if (text.Length <= max) return (text, false);
        var end = text.LastIndexOf(' ', max - 1);
        if (end < max / 2) end = max - 1; // one enormous word: cut inside it rather than lose most of the text
        if (char.IsHighSurrogate(text[end - 1])) end--;
        return (text[..end].TrimEnd() + "…", true);
    }

    /// <summary>Card elements and their plain-text twin, measured once.</summary>
    private sealed record Block(IReadOnlyList<JsonNode> Elements, string Text, bool WasCut = false)
    {
        public int Size { get; } = Elements.Sum(e => e.ToJsonString(TeamsJson.Options).Length + 1) + Text.Length + 4;

        public static Block Paragraph(string text, TextStyle style = TextStyle.Plain) => new([AdaptiveCard.Paragraph(text, style)], text);

        public Block Then(Block next) => new([.. Elements, .. next.Elements], Text + "\n" + next.Text, WasCut || next.WasCut);
    }
}
