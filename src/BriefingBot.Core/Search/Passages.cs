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
        {
            var sentences = paragraph.Sentences;
            if (paragraph.Text.Length <= ShortParagraphChars || sentences.Count <= WindowSentences)
            {
                yield return new Passage(article.Id, paragraph.Number, paragraph.Text);
                continue;
            }
            for (var first = 0; first < sentences.Count; first += Stride)
            {
                var last = Math.Min(first + WindowSentences, sentences.Count) - 1;
                var start = sentences[first].Start;
                var end = sentences[last].Start + sentences[last].Text.Length;
                yield return new Passage(article.Id, paragraph.Number, paragraph.Text[start..end]);
                if (last == sentences.Count - 1) break;
            }
        }
    }
}
