using System.Text;
using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Hosting;
using BriefingBot.Timeline;

namespace BriefingBot.Cli;

/// <summary>Human-readable renderings for the terminal.</summary>
internal static class ConsoleText
{
    public static string Answer(Answer answer)
    {
        var text = new StringBuilder();
        if (answer.Note is not null) text.AppendLine(answer.Note).AppendLine();
        var n = 0;
        foreach (var item in answer.Results)
        {
            // Quotation marks only around a person's own words; a passage is shown as the article prints it.
            text.Append(++n).Append(". ");
            text.AppendLine(item.Speaker is null ? item.Quote : $"“{item.Quote}”");
            text.Append("   — ");
            if (item.Speaker is not null) text.Append(item.Speaker).Append(", in ");
            text.AppendLine(Citation(item.Article, item.Paragraph)).AppendLine();
        }
        if (answer.Results.Count == 0 && answer.Note is null) text.AppendLine("No results.");
        return text.ToString().TrimEnd();
    }

    public static string Milestones(IReadOnlyList<Milestone> milestones, DateOnly today)
    {
        if (milestones.Count == 0) return "No milestones.";
        var text = new StringBuilder();
        foreach (var m in milestones)
        {
            var status = BriefingService.IsPast(m, today) ? "past" : "upcoming";
            text.Append(DateText(m)).Append("  [").Append(status).Append(", ").Append(m.Kind.ToString().ToLowerInvariant()).Append("]  ")
                .AppendLine(m.Label);
            if (m.SupersededBy is not null) text.Append("    superseded by ").AppendLine(m.SupersededBy);
            text.Append("    “").Append(m.Source).AppendLine("”");
            text.Append("    — ").AppendLine(Citation(m.Article, m.Paragraph));
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>What a reindex changed (articles, quotations, milestones) and what the scheduler did about it.</summary>
    public static string Changes(AdminReindexResult result)
    {
        var report = result.Report;
        var text = new StringBuilder();
        text.AppendLine($"articles: {report.ArticlesAdded.Count} added, {report.ArticlesRemoved.Count} removed, {report.ArticlesChanged.Count} changed");
        foreach (var (sign, articles) in new[] { ('+', report.ArticlesAdded), ('-', report.ArticlesRemoved), ('~', report.ArticlesChanged) })
            foreach (var article in articles) text.Append("  ").Append(sign).Append(' ').AppendLine(ArticleLine(article));
        text.AppendLine($"quotations: {report.QuotationsAdded} added");
        text.AppendLine($"milestones: {report.MilestonesAdded.Count} added, {report.MilestonesMoved.Count} moved, {report.MilestonesRemoved.Count} removed");
        foreach (var m in report.MilestonesAdded) text.AppendLine($"  + {DateText(m).TrimEnd()}  {m.Label}");
        foreach (var (old, @new) in report.MilestonesMoved) text.AppendLine($"  ~ {DateText(old).TrimEnd()} -> {DateText(@new).TrimEnd()}  {@new.Label}");
        foreach (var m in report.MilestonesRemoved) text.AppendLine($"  - {DateText(m).TrimEnd()}  {m.Label}");
        foreach (var effect in result.Effects) text.AppendLine(effect);
        return text.ToString().TrimEnd();
    }

    private static string ArticleLine(ArticleRef article) =>
        article.Title is null ? article.File : $"{article.File}  “{article.Title}”";

    public static string Citation(ArticleRef article, int paragraph)
    {
        var parts = new List<string> { article.Title ?? article.Id };
        if (article.Author is not null) parts.Add(article.Author);
        if (article.Published is { } published) parts.Add(published.ToString("yyyy-MM-dd"));
        parts.Add($"¶{paragraph}");
        parts.Add(article.File);
        return string.Join(" · ", parts);
    }

    private static string DateText(Milestone m) => m.Precision switch
    {
        DatePrecision.Year => $"{m.Date:yyyy}      ",
        DatePrecision.Month => $"{m.Date:yyyy-MM}   ",
        _ => $"{m.Date:yyyy-MM-dd}",
    };
}
