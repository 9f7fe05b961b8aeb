using BriefingBot.Corpus;

namespace BriefingBot.Quotes;

/// <summary>
/// An article prepared for attribution: each paragraph's layout (quotes, words, sentences), the names it mentions
/// and the article's speakers.
/// </summary>
internal sealed class ArticleReading
{
    public ArticleReading(Article article)
    {
        var layouts = new List<ParagraphLayout>();
        var unclosed = false;
        foreach (var paragraph in article.Paragraphs)
        {
            var layout = new ParagraphLayout(layouts.Count, paragraph.Number, paragraph.Text, unclosed);
            layouts.Add(layout);
            unclosed = layout.EndsUnclosed;
        }
        Paragraphs = layouts;
        var mentions = layouts.Select(NameFinder.Find).ToArray();
        var inReadingOrder = new List<Mention>(mentions.Sum(m => m.Count));
        foreach (var paragraphMentions in mentions)
            inReadingOrder.AddRange(paragraphMentions);
        Mentions = mentions;
        Speakers = new SpeakerRegistry(inReadingOrder);
    }

    public IReadOnlyList<ParagraphLayout> Paragraphs { get; }

    /// <summary>The mentions of each paragraph, in reading order; their phrases (titles included) never overlap.</summary>
    public IReadOnlyList<IReadOnlyList<Mention>> Mentions { get; }

    public SpeakerRegistry Speakers { get; }

    /// <summary>The mention whose name ends at word <paramref name="word"/> of paragraph <paramref name="p"/>.</summary>
    public Mention? EndingAt(ParagraphLayout p, int word) =>
        FirstNotEndingBefore(p, word) is { } m && m.LastWord == word ? m : null;

    /// <summary>The mention whose phrase (titles included) starts at word <paramref name="word"/>.</summary>
    public Mention? StartingAt(ParagraphLayout p, int word) =>
        FirstNotEndingBefore(p, word) is { } m && (m.LeadWord == word || m.FirstWord == word) ? m : null;

    /// <summary>Reading-order position of a text position of a paragraph.</summary>
    public static long Position(ParagraphLayout p, int at) => p.Index * 1_000_000L + at;

    /// <summary>The first mention of the paragraph that ends at word <paramref name="word"/> or later: the only one
    /// whose phrase can hold the word, since a paragraph's mentions follow one another without overlapping. Searched
    /// for rather than looked up in tables: building tables for every article cost more than all the lookups.</summary>
    private Mention? FirstNotEndingBefore(ParagraphLayout p, int word)
    {
        var mentions = Mentions[p.Index];
        var low = 0;
        var high = mentions.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (mentions[middle].LastWord < word)
                low = middle + 1;
            else
                high = middle;
        }
        return low < mentions.Count ? mentions[low] : null;
    }
}
