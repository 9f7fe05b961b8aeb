using System.Buffers;
using System.Text.RegularExpressions;
using BriefingBot.Corpus;

namespace BriefingBot.Timeline;

/// <summary>Which way a clause looks in time, as far as its verbs tell.</summary>
internal enum Orientation
{
    /// <summary>No tense cue near the date ("is", a noun phrase).</summary>
    Neutral,

    /// <summary>Past tense ("met", "was signed", "since").</summary>
    Past,

    /// <summary>Future or scheduled ("will", "would", "is expected to", "until", "by").</summary>
    Forward,
}

/// <summary>The preposition a date hangs from: it says whether the date is a point, an end or a start.</summary>
internal enum Governor
{
    None,

    /// <summary>"on", "in", "at", "during", "after": the date is when something happens.</summary>
    Point,

    /// <summary>"until", "till", "through": the date ends a span.</summary>
    Until,

    /// <summary>"by", "before": the date is a limit.</summary>
    By,

    /// <summary>"since": the date starts an ongoing state, which is background, not an event.</summary>
    Since,

    /// <summary>"from", "between": the date starts a span.</summary>
    From,

    /// <summary>"to": the date ends a span opened by "from", or a move ("extended to").</summary>
    To,
}

/// <summary>Where a word of a sentence is; its text is read from the sentence (<see cref="SentenceText.LowerOf"/>).</summary>
internal readonly record struct Word(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>A stretch of a sentence between punctuation; <see cref="IsSpeech"/> marks quoted speech.</summary>
internal readonly record struct Segment(int Start, int End, bool IsSpeech)
{
    public bool Contains(int offset) => offset >= Start && offset < End;
}

/// <summary>
/// The shape of one English sentence, read once without a parser: its words, quoted speech, clause boundaries, the
/// tense around a position and the preposition governing a date. Shared by date extraction (tense decides the year
/// of a partial date) and milestone labelling (the phrase a label comes from).
/// </summary>
internal sealed partial class SentenceText
{
    /// <summary>A quotation of at least this many words is speech, not a scare-quoted term like “G2 meeting”.</summary>
    private const int SpeechMinWords = 5;

    /// <summary>How far before a date its preposition is looked for, in characters ("by the very end of" fits).</summary>
    private const int GovernorWindow = 60;

    private static readonly WordSet FutureMarkers = new(ignoreCase: false,
    [
        "will", "shall", "would", "won’t", "won't", "expected", "expects", "expect", "scheduled", "slated", "upcoming",
        "next", "forthcoming", "plans", "planned", "intends", "aims", "expires", "ends", "begins", "starts", "lapses",
    ]);

    private static readonly WordSet IrregularPast = new(ignoreCase: false,
    [
        "was", "were", "had", "did", "met", "said", "told", "held", "took", "made", "wrote", "began", "came", "went",
        "saw", "gave", "sent", "struck", "spoke", "rose", "fell", "won", "lost", "led", "left", "paid", "got",
        "brought", "bought", "thought", "found", "felt", "kept", "became", "ran", "chose", "drew", "grew", "knew",
        "threw", "flew", "sought", "taught", "fought", "meant", "ago", "previously", "earlier", "last",
    ]);

    public SentenceText(string text) => Text = text;

    public string Text { get; }

    // The parts below are read on first use: a sentence found to hold no date is never read for its words or clauses.

    /// <summary>Words of the sentence; hyphenated and dotted words ("US-based", "U.S") stay whole.</summary>
    public IReadOnlyList<Word> Words => field ??= WordsOf(Text);

    /// <summary>
    /// Clause-sized regions for reading tense: quoted speech, and text between semicolons, colons, parentheses and
    /// spaced or em dashes. Commas do not split ("On October 30, Xi met Trump").
    /// </summary>
    public IReadOnlyList<Segment> Clauses => field ??= Split(splitAtCommas: false, protectedSpans: []);

    /// <summary>The sentence in lower case, offset for offset: words are looked up in it rather than each made lower.</summary>
    private string Lower => field ??= Text.ToLowerInvariant();

    private List<Segment> Quoted => field ??= Quotations(Text);

    // Filled as asked: only the words around a date's clause are ever read for tense.
    private Orientation?[] Markers => field ??= new Orientation?[Words.Count];

    /// <summary>
    /// The word in lower case. A word is letters, digits and joiners, never half of a surrogate pair, so its slice of the
    /// lower-cased sentence is the word lower-cased on its own.
    /// </summary>
    public ReadOnlySpan<char> LowerOf(Word word) => Lower.AsSpan(word.Start, word.Length);

    /// <summary>The word as written.</summary>
    public ReadOnlySpan<char> TextOf(Word word) => Text.AsSpan(word.Start, word.Length);

    /// <summary>Words of any text, as <see cref="Words"/> reads them.</summary>
    public static Regex.ValueMatchEnumerator WordsIn(ReadOnlySpan<char> text) => WordPattern().EnumerateMatches(text);

    /// <summary>
    /// The last word of the <paramref name="length"/> characters from <paramref name="start"/>, read as
    /// <see cref="WordsIn"/> reads that stretch on its own.
    /// </summary>
    public Word? LastWordIn(int start, int length)
    {
        Word? last = null;
        foreach (var match in WordsIn(Text.AsSpan(start, length)))
            last = new Word(start + match.Index, match.Length);
        return last;
    }

    /// <summary>The clause holding <paramref name="offset"/>, or an empty one at 0.</summary>
    public Segment ClauseAt(int offset)
    {
        foreach (var clause in Clauses)
            if (clause.Contains(offset))
                return clause;
        return default;
    }

    /// <summary>
    /// Phrase-sized segments for labels: <see cref="Clauses"/> further split at commas, except commas inside
    /// <paramref name="protectedSpans"/> (date mentions such as "November 10, 2026") or inside short quotations.
    /// </summary>
    public IReadOnlyList<Segment> Phrases(IReadOnlyList<(int Start, int End)> protectedSpans) =>
        Split(splitAtCommas: true, protectedSpans);

    /// <summary>
    /// The tense of the clause around [<paramref name="start"/>, <paramref name="end"/>): the tense marker nearest to
    /// it in words (before it on a tie) within its clause, which keeps quoted speech and the sentence around it apart.
    /// </summary>
    public Orientation OrientationAt(int start, int end)
    {
        var clause = ClauseAt(start);
        var before = LastWordBefore(start);
        var after = before + 1;
        while (after < Words.Count && Words[after].Start < end)
            after++;

        for (var distance = 0; ; distance++)
        {
            var (left, right) = (before - distance, after + distance);
            var leftIn = left >= 0 && Words[left].Start >= clause.Start;
            var rightIn = right < Words.Count && Words[right].End <= clause.End;
            if (!leftIn && !rightIn)
                return Orientation.Neutral;
            if (leftIn && MarkerAt(left) is not Orientation.Neutral and var leftMarker)
                return leftMarker;
            if (rightIn && MarkerAt(right) is not Orientation.Neutral and var rightMarker)
                return rightMarker;
        }
    }

    /// <summary>
    /// The preposition right before a date, looking past "early", "the end of", "later" and the like, and where it
    /// starts (<paramref name="start"/> when there is none).
    /// </summary>
    public (Governor Governor, int Start) GovernorBefore(int start)
    {
        var from = Math.Max(0, start - GovernorWindow);
        // The first match is the one Match would return; enumerating it allocates no Match, Group or string.
        foreach (var match in GovernorPattern().EnumerateMatches(Text.AsSpan(from, start - from)))
        {
            // A match opens with its preposition, which runs up to the whitespace (\s) after it.
            var (at, end) = (from + match.Index, from + match.Index);
            while (!char.IsWhiteSpace(Text[end]))
                end++;
            return (GovernorOf(Text.AsSpan(at, end - at)), at);
        }

        return (Governor.None, start);
    }

    private static Governor GovernorOf(ReadOnlySpan<char> preposition)
    {
        Span<char> lower = stackalloc char[preposition.Length];
        preposition.ToLowerInvariant(lower);
        return lower switch
        {
            "until" or "till" or "til" or "through" or "thru" => Governor.Until,
            "by" or "before" => Governor.By,
            "since" => Governor.Since,
            "from" or "between" => Governor.From,
            "to" => Governor.To,
            _ => Governor.Point,
        };
    }

    /// <summary>Index of the last word ending at or before <paramref name="offset"/>, or -1.</summary>
    private int LastWordBefore(int offset)
    {
        var (low, high) = (0, Words.Count - 1);
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (Words[mid].End <= offset)
                low = mid + 1;
            else
                high = mid - 1;
        }

        return high;
    }

    private Orientation MarkerAt(int i) => Markers[i] ??= Marker(i);

    private Orientation Marker(int i)
    {
        var word = TextOf(Words[i]);
        var lower = LowerOf(Words[i]);
        if (FutureMarkers.Contains(lower) || lower.EndsWith("’ll", StringComparison.Ordinal) || lower.EndsWith("'ll", StringComparison.Ordinal))
            return Orientation.Forward;
        var next = i + 1 < Words.Count ? LowerOf(Words[i + 1]) : [];
        // "set to", "going to", "due on": scheduled; "due to" alone is causal ("due to tariffs").
        if ((lower is "set" or "going" or "plan" && next is "to" or "for") || (lower is "due" && next is "on" or "by" or "for" or "in"))
            return Orientation.Forward;
        var past = IrregularPast.Contains(lower)
            // A regular past form: lower-case (not a name), not hyphenated ("US-based"), not "-eed" ("need", "proceed").
            || (lower.Length >= 5 && lower.EndsWith("ed", StringComparison.Ordinal) && !lower.EndsWith("eed", StringComparison.Ordinal)
                && char.IsLower(word[0]) && !word.Contains('-'));
        if (!past)
            return Orientation.Neutral;
        // "will be held", "is to be signed": a participle after a modal (or "to") and "be" looks ahead.
        return i >= 2 && LowerOf(Words[i - 1]) is "be" && LowerOf(Words[i - 2]) is "will" or "shall" or "would" or "to" or "won't" or "won’t"
            ? Orientation.Forward
            : Orientation.Past;
    }

    /// <summary>
    /// Quoted spans, in order and apart. A closing mark with no opening one means the sentence starts inside a quotation
    /// (the corpus splits long quotes into sentences); an opening mark never closed runs to the end.
    /// </summary>
    private static List<Segment> Quotations(string text)
    {
        var spans = new List<Segment>();
        int? open = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (open is null && c is '“' or '"')
                open = i;
            else if (c is '”' || (c == '"' && open is not null))
            {
                spans.Add(QuoteSpan(text, open ?? (spans.Count > 0 ? spans[^1].End : 0), i + 1));
                open = null;
            }
        }

        if (open is { } last)
            spans.Add(QuoteSpan(text, last, text.Length));
        return spans;
    }

    private static Segment QuoteSpan(string text, int start, int end) =>
        new(start, end, WordPattern().Count(text.AsSpan(start, end - start)) >= SpeechMinWords);

    private List<Segment> Split(bool splitAtCommas, IReadOnlyList<(int Start, int End)> protectedSpans)
    {
        var segments = new List<Segment>();
        var open = 0;
        void Close(int end, bool speech = false)
        {
            if (end > open)
                segments.Add(new Segment(open, end, speech));
            open = end;
        }

        var quotations = Quoted;
        // Only a boundary character or the start of quoted speech can end a segment: the text between is skipped.
        var boundaries = splitAtCommas ? PhraseBoundaries : ClauseBoundaries;
        int NextStop(int from)
        {
            var boundary = Text.AsSpan(from).IndexOfAny(boundaries);
            var next = boundary < 0 ? Text.Length : from + boundary;
            foreach (var quote in quotations)
                if (quote.IsSpeech && quote.Start >= from)
                    return Math.Min(next, quote.Start);
            return next;
        }

        var quotation = 0;
        for (var i = NextStop(0); i < Text.Length; i = NextStop(i + 1))
        {
            // Quotations are in order and apart: the first one not ending before i is the only one that may hold it.
            while (quotation < quotations.Count && quotations[quotation].End <= i)
                quotation++;
            var quote = quotation < quotations.Count ? quotations[quotation] : default;
            if (quote.IsSpeech && quote.Start == i)
            {
                Close(i);
                Close(quote.End, speech: true);
                i = quote.End - 1;
                continue;
            }

            // A comma just inside a closing quote ends the phrase too: “Never Kneel Down,” a narrator said.
            var endsQuote = i + 1 < Text.Length && Text[i + 1] is '”' or '"';
            var insideQuote = i > quote.Start && i < quote.End - 1;
            if (IsBoundary(i, splitAtCommas) && !IsProtected(i, protectedSpans) && (endsQuote || !insideQuote))
            {
                Close(i);
                open = i + 1;
            }
        }

        Close(Text.Length);
        return segments;
    }

    private static bool IsProtected(int offset, IReadOnlyList<(int Start, int End)> protectedSpans)
    {
        foreach (var (start, end) in protectedSpans)
            if (offset >= start && offset < end)
                return true;
        return false;
    }

    private static List<Word> WordsOf(string text)
    {
        var words = new List<Word>();
        foreach (var match in WordsIn(text))
            words.Add(new Word(match.Index, match.Length));
        return words;
    }

    // Every character IsBoundary may accept.
    private static readonly SearchValues<char> ClauseBoundaries = SearchValues.Create(";:()—–-");
    private static readonly SearchValues<char> PhraseBoundaries = SearchValues.Create(";:()—–-,");

    private bool IsBoundary(int i, bool splitAtCommas)
    {
        var c = Text[i];
        if (c is ';' or ':' or '(' or ')' or '—')
            return true;
        if (c is '–' or '-')
            return (i > 0 && char.IsWhiteSpace(Text[i - 1])) || (i + 1 < Text.Length && char.IsWhiteSpace(Text[i + 1]));
        return splitAtCommas && c == ',';
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    /// <summary>"until", "by the end of", "later on", "since early", "in mid-" right before the date.</summary>
    [GeneratedRegex(@"(?i)\b(?:on|in|at|during|after|until|till|til|through|thru|by|before|since|from|between|to)\s+(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|end|beginning|start|middle)(?:\s+of)?(?:\s+|-)|the\s+)*$")]
    private static partial Regex GovernorPattern();
}
