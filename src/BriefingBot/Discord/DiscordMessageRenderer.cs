using System.Globalization;
using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Delivery;
using BriefingBot.Hosting;
using BriefingBot.Timeline;
using static BriefingBot.Discord.DiscordText;

namespace BriefingBot.Discord;

/// <summary>
/// Renders the platform-neutral records as Discord messages: one embed per cited quote (article title; speaker;
/// author, date, paragraph and file), every message within <see cref="DiscordLimits"/>, text cut only between words
/// and marked where it was, mentions never parsed. Pure: same records in, same JSON out.
/// </summary>
public sealed class DiscordMessageRenderer
{
    /// <summary>Most messages one answer or digest is split into; what does not fit is counted, not dropped silently.</summary>
    public const int MaxMessages = 5;

    /// <summary>Embed colour (Discord blue).</summary>
    public const int Color = 0x3498DB;

    private const string FooterText = "BriefingBot · verbatim quotes, cited";

    // Every page carries the footer once, so embeds share what is left of the 6000-character total.
    private static readonly int PageBudget = DiscordLimits.EmbedTotal - FooterText.Length;

    /// <summary>An answer: a header, then the cited passages, split over as many messages as Discord's limits need.</summary>
    public IReadOnlyList<DiscordMessage> Answer(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var question = Truncate(Escape(answer.Question), 300);
        var note = answer.Note is null ? null : Truncate(Escape(answer.Note), 1000);
        if (answer.Results.Count == 0)
            return [new DiscordMessage($"**{question}**\n{note ?? "Nothing in the articles answers that."}")];

        var embeds = answer.Results.Select(r => QuoteEmbed(r.Quote, r.Speaker, r.Article, r.Paragraph));
        var header = $"**{question}** — {Count(answer.Results.Count, "cited passage")}" + (note is null ? "" : $"\n{note}");
        return Paginate(header, embeds);
    }

    /// <summary>A digest: what is coming up, new articles, then their notable quotes.</summary>
    public IReadOnlyList<DiscordMessage> Digest(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var upcoming = digest.Upcoming.Count == 0
            ? $"Nothing dated in the next {digest.HorizonDays} days."
            : JoinLines([.. digest.Upcoming.Select(m => $"**{FormatDate(m)}** — {Escape(m.Label)} · *{Escape(m.Article.Title ?? m.Article.File)}*, ¶{m.Paragraph}")], DiscordLimits.EmbedDescription);
        var articles = digest.NewArticles.Count == 0
            ? "No new articles."
            : JoinLines([.. digest.NewArticles.Select(a => "• " + Escape($"{a.Title ?? a.File} — {Citation(a)} · {a.File}"))], DiscordLimits.EmbedDescription);
        var embeds = new List<DiscordEmbed>
        {
            new($"Coming up in the next {digest.HorizonDays} days", upcoming, Color: Color),
            new("New articles", articles, Color: Color),
        };
        embeds.AddRange(digest.NotableQuotes.Select(q => QuoteEmbed(q.Quote, q.Speaker, q.Article, q.Paragraph)));
        return Paginate($"**Briefing for {digest.Today:yyyy-MM-dd}**", embeds);
    }

    /// <summary>A reminder of one milestone, with its source sentence.</summary>
    public DiscordMessage Reminder(ReminderPost reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var milestone = reminder.Milestone;
        var when = PostText.When(reminder.Lead);
        var icon = milestone.Kind == MilestoneKind.Deadline ? "⏰" : "📅";
        var content = Truncate($"{icon} **{char.ToUpperInvariant(when[0])}{when[1..]}: {Escape(milestone.Label)}** ({FormatDate(milestone)})", DiscordLimits.Content);
        return new DiscordMessage(content, [WithFooter(SourceEmbed(milestone.Source, milestone.Article, milestone.Paragraph))]);
    }

    /// <summary>
    /// Milestones as one message (it answers inline): one field each, as many as Discord allows, then how many more
    /// there are.
    /// </summary>
    public DiscordMessage Milestones(IReadOnlyList<Milestone> milestones, int? days)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        var scope = days is null ? "Upcoming milestones" : $"Milestones in the next {days} days";
        if (milestones.Count == 0) return new DiscordMessage($"**{scope}:** none found in the articles.");

        var embeds = new List<DiscordEmbed>();
        var fields = new List<DiscordEmbedField>();
        var total = 0;
        var shown = 0;
        foreach (var field in milestones.Select(MilestoneField))
        {
            var size = field.Name.Length + field.Value.Length;
            if (total + size > PageBudget) break;
            if (fields.Count == DiscordLimits.FieldsPerEmbed)
            {
                if (embeds.Count == DiscordLimits.EmbedsPerMessage - 1) break;
                embeds.Add(new DiscordEmbed(null, null, fields, Color: Color));
                fields = [];
            }
            fields.Add(field);
            total += size;
            shown++;
        }
        embeds.Add(new DiscordEmbed(null, null, fields, Color: Color));
        embeds[^1] = WithFooter(embeds[^1]);
        var more = shown < milestones.Count ? $"\n…and {milestones.Count - shown} more not shown; narrow it with `/milestones days:7`." : "";
        return new DiscordMessage($"**{scope}** ({milestones.Count}):{more}", embeds);
    }

    /// <summary>What an admin's reindex changed, ephemeral.</summary>
    public DiscordMessage Reindex(AdminReindexResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var report = result.Report;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Reindexed {Count(report.Articles, "article")} ({Count(report.Passages, "passage")}, {Count(report.Quotations, "quotation")}) in {report.Elapsed.TotalSeconds:F1} s")
            + (report.IsUnchanged ? ": nothing changed." : ".");
        var sections = new (string Name, IReadOnlyList<string> Lines)[]
        {
            ("Articles added", [.. report.ArticlesAdded.Select(a => a.Title ?? a.File)]),
            ("Articles removed", [.. report.ArticlesRemoved.Select(a => a.Title ?? a.File)]),
            ("Articles changed", [.. report.ArticlesChanged.Select(a => a.Title ?? a.File)]),
            ("Quotations added", report.QuotationsAdded == 0 ? [] : [report.QuotationsAdded.ToString(CultureInfo.InvariantCulture)]),
            ("Milestones added", [.. report.MilestonesAdded.Select(m => $"{FormatDate(m)} — {m.Label}")]),
            ("Milestones moved", [.. report.MilestonesMoved.Select(p => $"{p.New.Label}: {FormatDate(p.Old)} → {FormatDate(p.New)}")]),
            ("Milestones removed", [.. report.MilestonesRemoved.Select(m => $"{FormatDate(m)} — {m.Label}")]),
            ("Warnings", [.. report.Warnings.Select(w => $"{w.File}: {w.Message}")]),
            ("Scheduler", result.Effects),
        };
        var present = sections.Where(s => s.Lines.Count > 0).ToList();
        var fieldBudget = present.Count == 0 ? 0 : Math.Min(DiscordLimits.FieldValue, (PageBudget - present.Sum(s => s.Name.Length)) / present.Count);
        var fields = present.Select(s => new DiscordEmbedField(s.Name, JoinLines([.. s.Lines.Select(Escape)], fieldBudget))).ToList();
        return new DiscordMessage(summary, fields.Count == 0 ? null : [WithFooter(new DiscordEmbed(null, null, fields, Color: Color))], DiscordMessage.Ephemeral);
    }

    /// <summary>The commands and what they do, from <see cref="DiscordCommands"/>; names the unknown command if there was one.</summary>
    public DiscordMessage Help(string? unknownCommand = null)
    {
        var intro = unknownCommand is null ? "I quote the articles I have read, with citations:" : $"I don't know `/{Truncate(Escape(unknownCommand), 100)}`. I can do this:";
        var lines = DiscordCommands.Global.Select(c => $"`{c.Usage}` — {c.Description}");
        return new DiscordMessage(Truncate(string.Join('\n', lines.Prepend(intro)), DiscordLimits.Content), Flags: DiscordMessage.Ephemeral);
    }

    /// <summary>A short notice: a confirmation (public) or a refusal or error (<paramref name="ephemeral"/>).</summary>
    public DiscordMessage Notice(string text, bool ephemeral = true) =>
        new(Truncate(text, DiscordLimits.Content), Flags: ephemeral ? DiscordMessage.Ephemeral : null);

    private static IReadOnlyList<DiscordMessage> Paginate(string header, IEnumerable<DiscordEmbed> embeds)
    {
        var pages = new List<List<DiscordEmbed>>();
        var size = 0;
        var omitted = 0;
        foreach (var embed in embeds)
        {
            var full = pages.Count == 0 || pages[^1].Count == DiscordLimits.EmbedsPerMessage || size + embed.Size > PageBudget;
            if (full && pages.Count == MaxMessages)
            {
                omitted++;
                continue;
            }
            if (full)
            {
                pages.Add([]);
                size = 0;
            }
            pages[^1].Add(embed);
            size += embed.Size;
        }
        if (omitted > 0) header += $"\n…and {omitted} more not shown (Discord's message size limits).";
        if (pages.Count == 0) return [new DiscordMessage(Truncate(header, DiscordLimits.Content))];
        return [.. pages.Select((page, i) => new DiscordMessage(
            i == 0 ? Truncate(header, DiscordLimits.Content) : $"(continued, {i + 1}/{pages.Count})",
            [.. page.Take(page.Count - 1), WithFooter(page[^1])]))];
    }

    private static DiscordEmbed QuoteEmbed(string quote, string? speaker, ArticleRef article, int paragraph)
    {
        var embed = SourceEmbed(quote, article, paragraph);
        return speaker is null
            ? embed
            : embed with { Fields = [new DiscordEmbedField(SpeakerField, Truncate(Escape(speaker), SpeakerMax)), .. embed.Fields!] };
    }

    // Title, then the quote as a blockquote cut to whatever the title and citation leave of one page.
    private static DiscordEmbed SourceEmbed(string quote, ArticleRef article, int paragraph)
    {
        var title = Truncate(Escape(article.Title ?? article.File), DiscordLimits.EmbedTitle);
        var source = new DiscordEmbedField("Source", Truncate(Escape(Citation(article, paragraph)), DiscordLimits.FieldValue));
        var room = Math.Min(DiscordLimits.EmbedDescription, PageBudget - title.Length - source.Name.Length - source.Value.Length - SpeakerFieldAllowance);
        return new DiscordEmbed(title, Truncate(Blockquote(quote), room), [source], Color: Color);
    }

    private const string SpeakerField = "Said by";
    private const int SpeakerMax = 256;

    // Room kept in every quote embed for a speaker field, so adding one never breaks the page budget.
    private static readonly int SpeakerFieldAllowance = SpeakerField.Length + SpeakerMax;

    private static DiscordEmbedField MilestoneField(Milestone milestone)
    {
        var name = Truncate(Escape($"{FormatDate(milestone)} — {milestone.Label}"), DiscordLimits.FieldName);
        var cite = Truncate(Escape($"{milestone.Article.Title ?? milestone.Article.File} · {Citation(milestone.Article, milestone.Paragraph)}"), 400);
        return new DiscordEmbedField(name, Truncate(Blockquote(milestone.Source), DiscordLimits.FieldValue - cite.Length - 1) + "\n" + cite);
    }

    private static DiscordEmbed WithFooter(DiscordEmbed embed) => embed with { Footer = new DiscordEmbedFooter(FooterText) };

    private static string Citation(ArticleRef article, int paragraph) => $"{Citation(article)} · ¶{paragraph} · {article.File}";

    private static string Citation(ArticleRef article) =>
        $"{article.Author ?? "author not given"} · {article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated"}";

    private static string FormatDate(Milestone milestone) => milestone.Precision switch
    {
        DatePrecision.Day => milestone.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Month => milestone.Date.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => milestone.Date.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
