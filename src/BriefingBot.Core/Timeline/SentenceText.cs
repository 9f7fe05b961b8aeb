using System.Text.RegularExpressions;

namespace BriefingBot.Timeline;

/// <summary>Which way a clause looks in time, as far as its verbs tell.</summary>
internal enum Orientation
{
    /// <summary>No tense cue near the date ("is", "would", a noun phrase).</summary>
    Neutral,

    /// <summary>Past tense ("met", "was signed", "since").</summary>
    Past,

    /// <summary>Future or scheduled ("will", "is expected to", "until", "by").</summary>
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

/// <summary>A word of a sentence with its offset.</summary>
internal readonly record struct Word(int Start, string Text)
{
    public int End => Start + Text.Length;

    public string Lower => Text.ToLowerInvariant();
}

/// <summary>A stretch of a sentence between punctuation; <see cref="IsSpeech"/> marks quoted speech.</summary>
internal readonly record struct Segment(int Start, int End, bool IsSpeech)
{
    public bool Contains(int offset) => offset >= Start && offset < End;
}

/// <summary>
/// Reads the shape of an English sentence without a parser: words, quoted speech, clause boundaries,
/// the tense around a position and the preposition governing a date. Shared by date extraction
/// (tense decides the year of a partial date) and milestone labelling (the clause a label comes from).
/// </summary>
internal static partial class SentenceText
{
    /// <summary>A quotation of at least this many words is speech, not a scare-quoted term like “G2 meeting”.</summary>
    private const int SpeechMinWords = 5;

    private static readonly HashSet<string> FutureMarkers = new(StringComparer.Ordinal)
    {
        "will", "shall", "would", "won’t", "won't", "expected", "expects", "expect", "scheduled", "slated", "upcoming",
        "next", "forthcoming", "plans", "planned", "intends", "aims", "expires", "ends", "begins", "starts", "lapses",
    };

    private static readonly HashSet<string> IrregularPast = new(StringComparer.Ordinal)
    {
        "was", "were", "had", "did", "met", "said", "told", "held", "took", "made", "wrote", "began", "came", "went",
        "saw", "gave", "sent", "struck", "spoke", "rose", "fell", "won", "lost", "led", "left", "paid", "got",
        "brought", "bought", "thought", "found", "felt", "kept", "became", "ran", "chose", "drew", "grew", "knew",
        "threw", "flew", "sought", "taught", "fought", "meant", "ago", "previously", "earlier", "last",
    };

    /// <summary>Words of the sentence; hyphenated and dotted words ("US-based", "U.S") stay whole.</summary>
    public static IReadOnlyList<Word> Words(string text) =>
        WordPattern().Matches(text).Select(m => new Word(m.Index, m.Value)).ToList();

    /// <summary>
    /// Quoted spans. A closing mark with no opening one means the sentence starts inside a quotation
    /// (the corpus splits long quotes into sentences); an opening mark never closed runs to the end.
    /// </summary>
    public static IReadOnlyList<Segment> Quotations(string text)
    {
        var spans = new List<Segment>();
        int? open = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var opens = c == '“' || (c == '"' && open is null);
            var closes = c == '”' || (c == '"' && open is not null);
            if (opens && open is null)
                open = i;
            else if (closes)
            {
                var start = open ?? 0;
                spans.Add(QuoteSpan(text, start, i + 1));
                open = null;
            }
        }

        if (open is { } last)
            spans.Add(QuoteSpan(text, last, text.Length));
        return spans;
    }

    /// <summary>
    /// Clause-sized regions for reading tense: quoted speech, and text between semicolons, colons,
    /// parentheses and spaced or em dashes. Commas do not split ("On October 30, Xi met Trump").
    /// </summary>
    public static IReadOnlyList<Segment> Clauses(string text) => Split(text, splitAtCommas: false, []);

    /// <summary>
    /// Phrase-sized segments for labels: <see cref="Clauses"/> further split at commas, except commas inside
    /// <paramref name="protectedSpans"/> (date mentions such as "November 10, 2026") or inside short quotations.
    /// </summary>
    public static IReadOnlyList<Segment> Phrases(string text, IReadOnlyList<(int Start, int End)> protectedSpans) =>
        Split(text, splitAtCommas: true, protectedSpans);

    /// <summary>
    /// The tense of the clause around [<paramref name="start"/>, <paramref name="end"/>): the tense marker
    /// nearest to it (in words) within its clause, outside any other quotation.
    /// </summary>
    public static Orientation OrientationAt(string text, int start, int end)
    {
        var clause = Clauses(text).FirstOrDefault(c => c.Contains(start));
        var words = Words(text).Where(w => w.Start >= clause.Start && w.End <= clause.End && (w.End <= start || w.Start >= end)).ToList();
        var best = Orientation.Neutral;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < words.Count; i++)
        {
            var marker = Marker(words, i);
            if (marker == Orientation.Neutral)
                continue;
            var distance = words[i].End <= start ? WordsBetween(words, words[i].End, start) : WordsBetween(words, end, words[i].Start) + 1;
            if (distance < bestDistance)
                (best, bestDistance) = (marker, distance);
        }

        return best;
    }

    /// <summary>The preposition right before a date, looking past "early", "the end of", "later" and the like.</summary>
    public static Governor GovernorBefore(string text, int start)
    {
        var match = GovernorPattern().Match(text[..start]);
        if (!match.Success)
            return Governor.None;
        return match.Groups["gov"].Value.ToLowerInvariant() switch
        {
            "until" or "till" or "til" or "through" or "thru" => Governor.Until,
            "by" or "before" => Governor.By,
            "since" => Governor.Since,
            "from" or "between" => Governor.From,
            "to" => Governor.To,
            _ => Governor.Point,
        };
    }

    /// <summary>Where the governing preposition of a date starts, or <paramref name="start"/> when there is none.</summary>
    public static int GovernorStart(string text, int start)
    {
        var match = GovernorPattern().Match(text[..start]);
        return match.Success ? match.Index : start;
    }

    private static Orientation Marker(IReadOnlyList<Word> words, int i)
    {
        var word = words[i].Text;
        var lower = word.ToLowerInvariant();
        if (FutureMarkers.Contains(lower) || lower.EndsWith("’ll", StringComparison.Ordinal) || lower.EndsWith("'ll", StringComparison.Ordinal))
            return Orientation.Forward;
        var next = i + 1 < words.Count ? words[i + 1].Lower : "";
        // "set to", "going to", "due on": scheduled; "due to" alone is causal ("due to tariffs").
        if ((lower is "set" or "going" or "plan" && next is "to" or "for") || (lower == "due" && next is "on" or "by" or "for" or "in"))
            return Orientation.Forward;
        if (IrregularPast.Contains(lower))
            return Orientation.Past;
        // A regular past form: lower-case (not a name), not hyphenated ("US-based"), not "-eed" ("need", "proceed").
        if (lower.Length >= 5 && lower.EndsWith("ed", StringComparison.Ordinal) && !lower.EndsWith("eed", StringComparison.Ordinal)
            && char.IsLower(word[0]) && !word.Contains('-'))
            return Orientation.Past;
        return Orientation.Neutral;
    }

    private static int WordsBetween(IReadOnlyList<Word> words, int from, int to) =>
        words.Count(w => w.Start >= from && w.End <= to);

    private static Segment QuoteSpan(string text, int start, int end)
    {
        var words = WordPattern().Matches(text[start..end]).Count;
        return new Segment(start, end, words >= SpeechMinWords);
    }

    private static IReadOnlyList<Segment> Split(string text, bool splitAtCommas, IReadOnlyList<(int Start, int End)> protectedSpans)
    {
        var quotes = Quotations(text);
        var segments = new List<Segment>();
        var start = 0;

        void Close(int end, bool speech = false)
        {
            if (end > start)
                segments.Add(new Segment(start, end, speech));
            start = end;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var speech = quotes.FirstOrDefault(q => q.IsSpeech && q.Start == i);
            if (speech.End > speech.Start)
            {
                Close(i);
                Close(speech.End, speech: true);
                i = speech.End - 1;
                continue;
            }

            // A comma just inside a closing quote ends the phrase too: “Never Kneel Down,” a narrator said.
            var endsQuote = i + 1 < text.Length && text[i + 1] is '”' or '"';
            if (IsBoundary(text, i, splitAtCommas) && !protectedSpans.Any(p => i >= p.Start && i < p.End)
                && (endsQuote || !quotes.Any(q => i > q.Start && i < q.End - 1)))
            {
                Close(i);
                start = i + 1;
            }
        }

        Close(text.Length);
        return segments;
    }

    private static bool IsBoundary(string text, int i, bool splitAtCommas)
    {
        var c = text[i];
        if (c is ';' or ':' or '(' or ')' or '—')
            return true;
        if (c is '–' or '-')
            return (i > 0 && char.IsWhiteSpace(text[i - 1])) || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]));
        return splitAtCommas && c == ',';
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    /// <summary>"until", "by the end of", "later on", "since early", "in mid-" right before the date.</summary>
    [GeneratedRegex(@"(?i)\b(?<gov>on|in|at|during|after|until|till|til|through|thru|by|before|since|from|between|to)\s+(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|end|beginning|start|middle)(?:\s+of)?(?:\s+|-)|the\s+)*$")]
    private static partial Regex GovernorPattern();
}
