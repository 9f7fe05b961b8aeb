using BriefingBot.Corpus;

namespace BriefingBot.Quotes;

/// <summary>
/// An article prepared for attribution: each paragraph's layout (quotes, words, sentences), the names it mentions
/// and the article's speakers.
/// </summary>
internal sealed class ArticleReading
{
    private readonly Dictionary<(int Paragraph, int Word), Mention> byLastWord;
    private readonly Dictionary<(int Paragraph, int Word), Mention> byLeadWord;

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
        Mentions = layouts.Select(NameFinder.Find).ToArray();
        // Sized up front: growing the tables mention by mention would copy them over and over.
        var count = Mentions.Sum(m => m.Count);
        byLastWord = new(count);
        byLeadWord = new(2 * count);
        foreach (var m in Mentions.SelectMany(m => m))
        {
            byLastWord[(m.Paragraph, m.LastWord)] = m;
            byLeadWord.TryAdd((m.Paragraph, m.LeadWord), m);
            byLeadWord.TryAdd((m.Paragraph, m.FirstWord), m);
        }
        Speakers = new SpeakerRegistry(Mentions.SelectMany(m => m));
    }

    public IReadOnlyList<ParagraphLayout> Paragraphs { get; }

    /// <summary>The mentions of each paragraph, in reading order.</summary>
    public IReadOnlyList<IReadOnlyList<Mention>> Mentions { get; }

    public SpeakerRegistry Speakers { get; }

    /// <summary>The mention whose name ends at word <paramref name="word"/> of paragraph <paramref name="p"/>.</summary>
    public Mention? EndingAt(ParagraphLayout p, int word) => byLastWord.GetValueOrDefault((p.Index, word));

    /// <summary>The mention whose phrase (titles included) starts at word <paramref name="word"/>.</summary>
    public Mention? StartingAt(ParagraphLayout p, int word) => byLeadWord.GetValueOrDefault((p.Index, word));

    /// <summary>Reading-order position of a text position of a paragraph.</summary>
    public static long Position(ParagraphLayout p, int at) => p.Index * 1_000_000L + at;
}
