using BriefingBot.Corpus;

namespace BriefingBot.Search;

/// <summary>A searchable span of a paragraph: the paragraph itself when short, else a window of sentences.</summary>
internal sealed record Passage(string ArticleId, int Paragraph, string Text);

/// <summary>
/// Cuts paragraphs into passages. Long paragraphs are searched as overlapping windows of sentences so that
/// an answer is a few sentences, not a wall of text, and BM25's length normalisation does not bury it.
/// </summary>
internal static class Passages
{
    private const int ShortParagraphChars = 420;
    private const int WindowSentences = 3;
    private const int Stride = 2;

    public static IEnumerable<Passage> Of(Article article)
    {
        foreach (var paragraph in article.Paragraphs)
            foreach (var (start, end) in Windows(paragraph))
                yield return new Passage(article.Id, paragraph.Number, end - start == paragraph.Text.Length ? paragraph.Text : paragraph.Text[start..end]);
    }

    /// <summary>How many passages <see cref="Of"/> cuts the article into, without cutting them.</summary>
    public static int CountOf(Article article) => article.Paragraphs.Sum(paragraph => Windows(paragraph).Count());

    /// <summary>The passages of a paragraph as [start, end) offsets into its text.</summary>
    private static IEnumerable<(int Start, int End)> Windows(Paragraph paragraph)
    {
        var sentences = paragraph.Sentences;
        if (paragraph.Text.Length <= ShortParagraphChars || sentences.Count <= WindowSentences)
        {
            yield return (0, paragraph.Text.Length);
            yield break;
        }
        for (var first = 0; first < sentences.Count; first += Stride)
        {
            var last = Math.Min(first + WindowSentences, sentences.Count) - 1;
            yield return (sentences[first].Start, sentences[last].End);
            if (last == sentences.Count - 1) yield break;
        }
    }
}
