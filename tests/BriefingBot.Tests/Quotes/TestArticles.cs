using BriefingBot.Corpus;

namespace BriefingBot.Tests.Quotes;

/// <summary>Builds <see cref="Article"/>s for the quotation tests: one paragraph per non-blank line.</summary>
internal static class TestArticles
{
    /// <summary>An article whose paragraphs are the non-blank lines of <paramref name="text"/>.</summary>
    public static Article FromText(string text, string id = "test-article")
    {
        var paragraphs = text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .Select((line, i) => new Paragraph(i + 1, line, SentenceSplitter.Split(line)))
            .ToArray();
        return new Article(id, id + ".txt", "Test article", "Test Author", new DateOnly(2026, 1, 1), null, paragraphs);
    }
}
