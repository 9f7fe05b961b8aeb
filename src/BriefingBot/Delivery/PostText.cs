using System.Globalization;
using System.Text;
using BriefingBot.Briefing;
using BriefingBot.Corpus;

namespace BriefingBot.Delivery;

/// <summary>
/// A scheduled <see cref="Post"/> as plain text: what the log poster writes and what a platform without rich
/// formatting can send as is. Quotes are the verbatim source sentences, each with its citation.
/// </summary>
public static class PostText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(Post post) => post switch
    {
        ReminderPost reminder => RenderReminder(reminder),
        DigestPost digest => RenderDigest(digest.Digest),
        _ => throw new ArgumentOutOfRangeException(nameof(post), post.GetType().Name, "Unknown kind of post."),
    };

    /// <summary>"in 7 days", "tomorrow", "today".</summary>
    public static string When(TimeSpan lead) => (int)Math.Round(lead.TotalDays) switch
    {
        <= 0 => "today",
        1 => "tomorrow",
        var days => $"in {days} days",
    };

    /// <summary>"Title, Author, 2025-10-30, paragraph 8 (file.txt)", leaving out what the article does not say.</summary>
    public static string Citation(ArticleRef article, int paragraph)
    {
        var parts = new List<string> { article.Title ?? article.File };
        if (article.Author is { } author) parts.Add(author);
        if (article.Published is { } published) parts.Add(published.ToString("yyyy-MM-dd", Invariant));
        parts.Add($"paragraph {paragraph} ({article.File})");
        return string.Join(", ", parts);
    }

    private static string RenderReminder(ReminderPost reminder)
    {
        var m = reminder.Milestone;
        return $"""
            Reminder: {m.Label} — {m.Date.ToString("dddd d MMMM yyyy", Invariant)} ({When(reminder.Lead)}).
            “{m.Source}”
            — {Citation(m.Article, m.Paragraph)}
            """;
    }

    private static string RenderDigest(Digest digest)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Digest for {digest.Today:yyyy-MM-dd}").AppendLine();
        text.AppendLine().Append(Invariant, $"Coming up in the next {digest.HorizonDays} days:").AppendLine();
        if (digest.Upcoming.Count == 0) text.AppendLine("- nothing dated");
        foreach (var m in digest.Upcoming)
            text.Append(Invariant, $"- {m.Date:yyyy-MM-dd}: {m.Label} ({Citation(m.Article, m.Paragraph)})").AppendLine();
        if (digest.NewArticles.Count > 0)
        {
            text.AppendLine().AppendLine("New articles:");
            foreach (var article in digest.NewArticles)
                text.Append(Invariant, $"- {article.Title ?? article.File}{(article.Author is null ? "" : ", " + article.Author)}").AppendLine();
        }
        if (digest.NotableQuotes.Count > 0)
        {
            text.AppendLine().AppendLine("Notable quotes:");
            foreach (var quote in digest.NotableQuotes)
                text.Append(Invariant, $"- “{quote.Quote}”{(quote.Speaker is null ? "" : " — " + quote.Speaker)} ({Citation(quote.Article, quote.Paragraph)})").AppendLine();
        }
        return text.ToString().TrimEnd();
    }
}
