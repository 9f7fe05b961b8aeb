using BriefingBot.Corpus;

namespace BriefingBot.Quotes;

/// <summary>
/// Finds an article's quotations and who said them.
/// <list type="bullet">
/// <item>Direct quotations: the words inside quote marks, verbatim, marks excluded (a trailing comma too), one per
/// paragraph for a quote that runs on across paragraphs. The speaker is the subject of the say-verb before or after
/// the quote; failing that, the speaker carries over from the quote before it (same sentence, the sentence before,
/// or the paragraph before when that one ended in speech or with a colon), or from the attribution that closes a
/// run-on quote.</item>
/// <item>Reported quotations: a sentence that reports somebody's words without quoting them ("According to X, …",
/// "X argued that …"); the whole sentence, verbatim.</item>
/// <item>A quote with no speaker is kept (speaker null) only when it reads as speech: at least
/// <see cref="MinimumUnattributedWords"/> words and not a title in capitals. Shorter ones are terms or scare quotes
/// ("G2", "co-equals") and are dropped; nothing is ever attributed to a guess.</item>
/// </list>
/// Stateless and thread-safe.
/// </summary>
public sealed class QuotationExtractor
{
    /// <summary>Fewest words an unattributed quote needs to be kept as a quotation of an unknown speaker.</summary>
    public const int MinimumUnattributedWords = 6;

    /// <summary>The article's quotations, in reading order, and the people they are attributed to.</summary>
    public ArticleQuotations Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var reading = new ArticleReading(article);
        var attributor = new Attributor(reading);
        var found = new List<Found>();

        foreach (var quote in AttributeDirect(reading, attributor))
            if (quote.Speaker is not null || LooksLikeSpeech(quote.Inner.SpanOf(quote.Paragraph.Text)))
                found.Add(new Found(quote.Paragraph, quote.Inner, QuotationKind.Direct, quote.Speaker));

        foreach (var p in reading.Paragraphs)
            for (var s = 0; s < p.Sentences.Count; s++) // indexed: every sentence of the corpus, no enumerator boxed
                if (attributor.Reported(p, p.Sentences[s]) is { } speaker)
                    found.Add(new Found(p, p.Sentences[s], QuotationKind.Reported, speaker));

        var ordered = found
            .OrderBy(f => f.Paragraph.Index)
            .ThenBy(f => f.Range.Start)
            .ThenBy(f => f.Kind)
            .ToList();
        var quotations = ordered
            .Select((f, i) => new Quotation(f.Range.Of(f.Paragraph.Text), f.Speaker?.Name, f.Kind, article.Ref, f.Paragraph.Number, i))
            .ToArray();
        var people = ordered
            .Where(f => f.Speaker is not null)
            .Select(f => f.Speaker!)
            .Distinct()
            .Select(s => s.ToPerson())
            .ToArray();
        return new ArticleQuotations(quotations, people);
    }

    private static List<DirectQuote> AttributeDirect(ArticleReading reading, Attributor attributor)
    {
        var quotes = new List<DirectQuote>();
        foreach (var p in reading.Paragraphs)
        {
            foreach (var span in p.Quotes)
            {
                if (span.Inner(p.Text) is not { } inner)
                    continue;
                var sentence = p.SentenceAt(span.Open);
                var speaker = attributor.Attribute(p, span, sentence, out var namedAfter);
                var previous = span.ContinuesPrevious ? quotes.LastOrDefault(q => q.Paragraph.Index == p.Index - 1 && q.Span.Unclosed) : null;
                quotes.Add(new DirectQuote(p, span, inner, sentence, speaker, namedAfter, previous));
            }
        }

        // A run-on quote is one speaker's: whoever is named at its start or its end speaks every paragraph of it.
        var continuations = new Dictionary<DirectQuote, DirectQuote>(ReferenceEqualityComparer.Instance);
        foreach (var q in quotes)
            if (q.RunOnPrevious is not null)
                continuations.TryAdd(q.RunOnPrevious, q); // the first to continue it, as the reading order goes
        foreach (var chain in quotes.Where(q => q.RunOnPrevious is null).Select(RunOn).Where(c => c.Count > 1))
            if (chain.Select(q => q.Speaker).FirstOrDefault(s => s is not null) is { } speaker)
                foreach (var q in chain)
                    q.Speaker ??= speaker;

        for (var i = 0; i < quotes.Count; i++)
            quotes[i].Speaker ??= Inherit(quotes, i, reading, attributor);
        return quotes;

        List<DirectQuote> RunOn(DirectQuote head)
        {
            var chain = new List<DirectQuote> { head };
            while (continuations.TryGetValue(chain[^1], out var next))
                chain.Add(next);
            return chain;
        }
    }

    /// <summary>The speaker an unattributed quote takes over from the quotes around it, or null.</summary>
    private static Speaker? Inherit(List<DirectQuote> quotes, int i, ArticleReading reading, Attributor attributor)
    {
        var quote = quotes[i];
        var p = quote.Paragraph;
        var before = i > 0 && quotes[i - 1].Paragraph == p ? quotes[i - 1] : null;

        // "Trump said that “…,” and that the US “…”": a later quote of the same sentence, nobody new named between;
        // "“The deal,” said Seán O'Brien, “is done.”": or only the attribution of the quote before.
        var between = new TextRange(before?.Span.End ?? 0, quote.Span.Open);
        if (before is { Speaker: not null } && before.Sentence == quote.Sentence
            && (!attributor.NamesSomeone(p, between) || (before.NamedAfter && !attributor.NamesSomeoneElse(p, between, before.Speaker))))
            return before.Speaker;

        // Beyond its own sentence, only speech carries a speaker over: a heading such as ‘Mutual Success’ does not.
        if (!p.IsOnlyQuotes(quote.Sentence) || !IsSpeech(quote))
            return null;

        // A sentence that is nothing but a quote goes on from the speaker of the sentence before it …
        var sentenceIndex = IndexOf(p.Sentences, quote.Sentence);
        if (before is { Speaker: not null } && sentenceIndex > 0 && before.Sentence == p.Sentences[sentenceIndex - 1])
            return before.Speaker;
        // … or is the first of a speaker's quotes named in the next sentence ("“A.” “B,” Wu said.") …
        var after = i + 1 < quotes.Count && quotes[i + 1].Paragraph == p ? quotes[i + 1] : null;
        if (after is { NamedAfter: true } && sentenceIndex + 1 < p.Sentences.Count && after.Sentence == p.Sentences[sentenceIndex + 1])
            return after.Speaker;
        if (sentenceIndex > 0 || p.Index == 0)
            return null;

        // … or, opening its paragraph, from the paragraph before: one that ended in attributed speech, or one that
        // introduces it with a colon ("Bader urged American analysts …:").
        var previous = reading.Paragraphs[p.Index - 1];
        if (previous.Sentences.Count > 0)
        {
            var lastSentence = previous.Sentences[^1];
            var spoken = quotes.LastOrDefault(q => q.Paragraph == previous && q.Sentence == lastSentence && q.Speaker is not null);
            if (spoken is not null)
                return spoken.Speaker;
        }
        return attributor.Introducing(previous);
    }

    /// <summary>A quote that reads as speech: a finished sentence, or long enough to be one.</summary>
    private static bool IsSpeech(DirectQuote quote)
    {
        var text = quote.Paragraph.Text;
        var last = text[quote.Inner.End - 1];
        var afterMark = quote.Span.End < text.Length ? text[quote.Span.End] : ' ';
        return ".!?…,".Contains(last) || ".!?…".Contains(afterMark) || quote.Span.Unclosed || quote.Span.ContinuesPrevious
            || !TextWords.AtMost(quote.Inner.SpanOf(text), MinimumUnattributedWords - 1);
    }

    private static int IndexOf(IReadOnlyList<TextRange> sentences, TextRange sentence)
    {
        for (var i = 0; i < sentences.Count; i++)
            if (sentences[i] == sentence)
                return i;
        return -1;
    }

    /// <summary>Long enough to be speech, and not a title in capitals ("Pathways to Peace in a Divided World").</summary>
    private static bool LooksLikeSpeech(ReadOnlySpan<char> text)
    {
        // Words are counted where they stand, between white space: every quote nobody is named for is read here.
        var words = 0;
        var longWords = 0;
        var capitalised = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            words++;
            if (i - start > 3)
            {
                longWords++;
                if (char.IsUpper(text[start]))
                    capitalised++;
            }
        }
        return words >= MinimumUnattributedWords && capitalised * 2 < longWords;
    }

    private sealed record Found(ParagraphLayout Paragraph, TextRange Range, QuotationKind Kind, Speaker? Speaker);

    /// <summary>A direct quote while its speaker is being worked out.</summary>
    private sealed class DirectQuote(
        ParagraphLayout paragraph, QuoteSpan span, TextRange inner, TextRange sentence, Speaker? speaker, bool namedAfter, DirectQuote? runOnPrevious)
    {
        public ParagraphLayout Paragraph { get; } = paragraph;

        public QuoteSpan Span { get; } = span;

        public TextRange Inner { get; } = inner;

        public TextRange Sentence { get; } = sentence;

        public Speaker? Speaker { get; set; } = speaker;

        /// <summary>The speaker was named right after the quote ("“…,” Wu said").</summary>
        public bool NamedAfter { get; } = namedAfter;

        /// <summary>The unclosed quote of the paragraph before that this one continues.</summary>
        public DirectQuote? RunOnPrevious { get; } = runOnPrevious;
    }
}
