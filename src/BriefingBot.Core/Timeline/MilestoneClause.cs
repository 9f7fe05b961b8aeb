using System.Text;
using System.Text.RegularExpressions;
using BriefingBot.Corpus;

namespace BriefingBot.Timeline;

/// <summary>
/// What the clause around one date says: a short label taken from it, verbatim but for whitespace and the date
/// itself, and the cues that make it an event or a deadline.
/// </summary>
internal sealed partial record MilestoneClause(string Label, bool HasEventCue, bool HasOccasion, bool HasDeadlineWord, bool HasTense)
{
    /// <summary>Labels longer than this are cut at a word, keeping the words nearest the date.</summary>
    public const int MaxLabelLength = 80;

    /// <summary>The label names something: it has a content word, not just "until" or nothing at all.</summary>
    public bool IsDescriptive
    {
        get
        {
            foreach (var word in SentenceText.WordsIn(Label))
                if (ClauseCues.CuesOf(Label.AsSpan(word.Index, word.Length)).HasFlag(WordCues.Content))
                    return true;
            return false;
        }
    }

    /// <summary>How many words after a date its governing word may be ("his 2015 state visit") and still win over one before it.</summary>
    private const int RightCueReach = 3;

    /// <summary>How many words at the cut end of a label may be dropped to end it before a preposition.</summary>
    private const int DanglingWords = 3;

    /// <summary>How far back the connector of a span's second date ("and", "–") is looked for, in characters.</summary>
    private const int ConnectorWindow = 12;

    /// <summary>
    /// Reads the clause of every date of a sentence. A label comes from the comma-delimited phrase holding its date;
    /// when that phrase says nothing but the date ("On October 30, Xi met Trump in Busan") it comes from the next
    /// phrase, and when it is a tail ("…talks in Kuala Lumpur, Malaysia on October 25") from the previous one.
    /// </summary>
    /// <returns>One clause per reading, in the same order.</returns>
    public static IReadOnlyList<MilestoneClause> ReadAll(SentenceText text, IReadOnlyList<DateReading> readings)
    {
        var mentions = new (int Start, int End)[readings.Count];
        var removals = new (int From, int Start, int End)[readings.Count];
        var removed = new bool[text.Text.Length];
        for (var i = 0; i < readings.Count; i++)
        {
            mentions[i] = (readings[i].Mention.Start, readings[i].Mention.End());
            var (from, _, end) = removals[i] = Removal(text, readings[i]);
            Array.Fill(removed, true, from, end - from);
        }

        var phrases = text.Phrases(mentions);
        var clauses = new MilestoneClause[readings.Count];
        for (var i = 0; i < readings.Count; i++)
        {
            // A deadline's "until"/"by" stays in its own label when the date ends the clause ("suspended … until").
            var (from, start, end) = removals[i];
            var keepsGovernor = readings[i].Governor is Governor.Until or Governor.By && ClauseEnd().IsMatch(text.Text, end);
            clauses[i] = Read(text, readings[i], phrases, keepsGovernor ? new Removed(removed, from, start) : new Removed(removed, 0, 0));
        }

        return clauses;
    }

    private static MilestoneClause Read(SentenceText text, DateReading focus, IReadOnlyList<Segment> phrases, Removed removed)
    {
        var sentence = text.Text;
        var homeIndex = PhraseAt(phrases, focus.Mention.Start);
        var home = Tokens(sentence, phrases[homeIndex], removed);
        var material = (Tokens: home, Pivot: CountBefore(home, focus.Mention.Start));
        if (!Says(home))
        {
            var next = Neighbour(sentence, phrases, homeIndex, +1);
            var previous = Neighbour(sentence, phrases, homeIndex, -1);
            var fronted = material.Pivot == 0 || previous is null;
            var options = new List<(List<Token> Tokens, int Pivot)>();
            if (next is { } n)
                options.Add((Tokens(sentence, n, removed), 0));
            if (previous is { } p)
            {
                var before = Tokens(sentence, p, removed);
                // Keep the comma the phrases were split at: "Kuala Lumpur, Malaysia".
                if (before.Count > 0 && p.End < sentence.Length && sentence[p.End] == ',')
                    before[^1] = new Token(before[^1].Start, string.Concat(before[^1].Text.Span, ",").AsMemory());
                List<Token> merged = [.. before, .. home];
                options.Add((merged, CountBefore(merged, focus.Mention.Start)));
            }

            if (!fronted)
                options.Reverse();
            foreach (var option in options)
                if (Says(option.Tokens))
                {
                    material = option;
                    break;
                }
        }

        var tokens = material.Tokens;
        return new MilestoneClause(
            LabelOf(tokens, material.Pivot),
            AnyWord(tokens, WordCues.Event),
            AnyWord(tokens, WordCues.Occasion),
            AnyWord(tokens, WordCues.Deadline),
            text.OrientationAt(focus.Mention.Start, focus.Mention.End()) != Orientation.Neutral);
    }

    /// <summary>Index of the phrase holding <paramref name="offset"/>, or 0.</summary>
    private static int PhraseAt(IReadOnlyList<Segment> phrases, int offset)
    {
        for (var i = 0; i < phrases.Count; i++)
            if (phrases[i].Contains(offset))
                return i;
        return 0;
    }

    private static int CountBefore(List<Token> tokens, int offset)
    {
        var count = 0;
        foreach (var token in tokens)
            if (token.Start < offset)
                count++;
        return count;
    }

    private static bool AnyWord(List<Token> tokens, WordCues cues)
    {
        foreach (var token in tokens)
            if (token.Is(cues))
                return true;
        return false;
    }

    /// <summary>A phrase says something when it has an event or deadline word and at least two content words.</summary>
    private static bool Says(List<Token> tokens)
    {
        var contentWords = 0;
        foreach (var token in tokens)
            if (token.Is(WordCues.Content))
                contentWords++;
        return contentWords >= 2 && AnyWord(tokens, Cue);
    }

    /// <summary>The nearest phrase in direction <paramref name="step"/> that has words and is not quoted speech.</summary>
    private static Segment? Neighbour(string sentence, IReadOnlyList<Segment> phrases, int index, int step)
    {
        for (var i = index + step; i >= 0 && i < phrases.Count; i += step)
            if (!phrases[i].IsSpeech && HasLetter(sentence.AsSpan(phrases[i].Start, phrases[i].End - phrases[i].Start)))
                return phrases[i];
        return null;
    }

    private static bool HasLetter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (char.IsLetter(c))
                return true;
        return false;
    }

    /// <summary>
    /// What a label leaves out of a date: the date with its preposition ("on October 30") or connector ("and 26").
    /// A date derived from a duration leaves its words ("a 90-day truce") in place.
    /// </summary>
    private static (int From, int Start, int End) Removal(SentenceText text, DateReading reading)
    {
        var (start, end) = (reading.Mention.Start, reading.Mention.End());
        if (reading.IsDurationEnd)
            return (start, start, start);
        var window = Math.Max(0, start - ConnectorWindow);
        var connector = Connector().Match(text.Text, window, start - window);
        return (connector.Success ? connector.Index : reading.GovernorStart, start, end);
    }

    private static List<Token> Tokens(string sentence, Segment phrase, Removed removed)
    {
        var tokens = new List<Token>();
        foreach (var match in NonSpace().EnumerateMatches(sentence.AsSpan(phrase.Start, phrase.End - phrase.Start)))
        {
            // Keep the characters of the token outside removed ranges ("26." loses "26" and keeps ".").
            var start = phrase.Start + match.Index;
            var kept = removed.KeptOf(sentence, start, match.Length);
            if (TextWords.HasLetterOrDigit(kept.Span))
                tokens.Add(new Token(start, kept));
            else if (kept.Length == match.Length && tokens.Count > 0)
                tokens[^1] = new Token(tokens[^1].Start, string.Concat(tokens[^1].Text.Span, " ", kept.Span).AsMemory());
        }

        return tokens;
    }

    /// <summary>
    /// Takes the words around the date up to the length limit, starting on the side of its governing word: the event or
    /// deadline word nearest to it, looked for first before the date ("met … in Busan", "suspended … until") and right
    /// after it only when that is nearer and close ("his 2015 state visit"). Words after the date never run on into the
    /// next clause ("…in March 2024 that people…", "…by 2030 and reach…").
    /// </summary>
    private static string LabelOf(List<Token> tokens, int pivot)
    {
        var rightLimit = pivot;
        while (rightLimit < tokens.Count && !tokens[rightLimit].Is(WordCues.ClauseOpener)
               && !(pivot > 0 && tokens[rightLimit].Is(WordCues.Coordinator)))
            rightLimit++;
        var leftCue = int.MaxValue;
        for (var i = pivot - 1; i >= 0 && leftCue == int.MaxValue; i--)
            if (tokens[i].Is(Cue))
                leftCue = pivot - 1 - i;
        var rightCue = int.MaxValue;
        for (var i = pivot; i < rightLimit && rightCue == int.MaxValue; i++)
            if (tokens[i].Is(Cue))
                rightCue = i - pivot;

        var (first, last, length) = (pivot, pivot - 1, 0);
        bool Fits(Token t) => length + t.Text.Length + (length == 0 ? 0 : 1) <= MaxLabelLength;
        void TakeRight(int until)
        {
            while (last + 1 < until && Fits(tokens[last + 1]))
                length += tokens[++last].Text.Length + (length == 0 ? 0 : 1);
        }

        if (rightCue <= RightCueReach && rightCue < leftCue)
            TakeRight(pivot + rightCue + 1);
        while (first > 0 && Fits(tokens[first - 1]))
            length += tokens[--first].Text.Length + (length == 0 ? 0 : 1);
        TakeRight(rightLimit);
        // Cut short on the right in the middle of a phrase, end before that phrase rather than mid-name
        // ("…a meeting with Chinese").
        if (last + 1 < rightLimit && !tokens[last + 1].Is(WordCues.Preposition))
            for (var i = last; i > Math.Max(first, pivot) && i > last - DanglingWords; i--)
                if (tokens[i].Is(WordCues.Preposition))
                {
                    last = i - 1;
                    break;
                }

        while (first <= last && tokens[first].Is(WordCues.Edge))
            first++;
        while (last >= first && tokens[last].Is(WordCues.Edge))
            last--;
        return BalanceQuotes(TrailingPunctuation().Replace(Joined(tokens, first, last), "$1"));
    }

    /// <summary>The tokens from <paramref name="first"/> to <paramref name="last"/>, one space apart.</summary>
    private static string Joined(List<Token> tokens, int first, int last)
    {
        var length = Math.Max(0, last - first);
        for (var i = first; i <= last; i++)
            length += tokens[i].Text.Length;
        var joined = new StringBuilder(length);
        for (var i = first; i <= last; i++)
            (i > first ? joined.Append(' ') : joined).Append(tokens[i].Text.Span);
        return joined.ToString();
    }

    /// <summary>An event or deadline word: what a label is centred on.</summary>
    private const WordCues Cue = WordCues.Event | WordCues.Deadline;

    /// <summary>Closes a quotation the cut left open and drops a closing mark whose opening was cut off.</summary>
    private static string BalanceQuotes(string label)
    {
        if (!label.AsSpan().ContainsAny('“', '”'))
            return label;
        var result = new StringBuilder(label.Length + 1);
        var depth = 0;
        foreach (var c in label)
        {
            if (c == '”' && depth == 0)
                continue;
            depth += c switch { '“' => 1, '”' => -1, _ => 0 };
            result.Append(c);
        }

        return result.Append('”', depth).ToString();
    }

    private static readonly char[] Punctuation = ['.', ',', ';', ':', '“', '”', '"', '‘', '’', '\'', '(', ')', '!', '?'];

    /// <summary>A word of a label with its offset in the sentence.</summary>
    /// <param name="text">Mostly a slice of the sentence: only a token that loses or gains characters is a string of its own.</param>
    private readonly struct Token(int start, ReadOnlyMemory<char> text)
    {
        public int Start { get; } = start;

        public ReadOnlyMemory<char> Text { get; } = text;

        // Looked up once: a token is asked about several cues.
        private WordCues Cues { get; } = ClauseCues.CuesOf(text.Span.Trim(Punctuation));

        /// <summary>The word, bare of punctuation, is any of <paramref name="cues"/>.</summary>
        public bool Is(WordCues cues) => (Cues & cues) != 0;
    }

    /// <summary>Offsets a label leaves out: every date's <see cref="Removal"/> but the part <see cref="KeepFrom"/> to <see cref="KeepTo"/>.</summary>
    private readonly record struct Removed(bool[] All, int KeepFrom, int KeepTo)
    {
        public bool Contains(int offset) => All[offset] && !(offset >= KeepFrom && offset < KeepTo);

        /// <summary>The characters of <paramref name="sentence"/> from <paramref name="start"/> that are not left out.</summary>
        public ReadOnlyMemory<char> KeptOf(string sentence, int start, int length)
        {
            // Most tokens are nowhere near a date: nothing to leave out.
            if (!All.AsSpan(start, length).Contains(true))
                return sentence.AsMemory(start, length);
            var kept = new StringBuilder(length);
            for (var i = start; i < start + length; i++)
                if (!Contains(i))
                    kept.Append(sentence[i]);
            return kept.ToString().AsMemory();
        }
    }

    /// <summary>The connector before the second end of a span: "October 25 and 26", "May 12 to".</summary>
    [GeneratedRegex(@"\s*,?\s*(?:\band|&|\bor|[-–—])\s*$")]
    private static partial Regex Connector();

    /// <summary>Only punctuation until the end of the clause (matched from the end of the date).</summary>
    [GeneratedRegex(@"\G[\s.,;:!?”""’)]*(?:$|[;:—])")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"\S+")]
    private static partial Regex NonSpace();

    /// <summary>Trailing ".", "," or ";" (inside a closing quote too: "Down,”" → "Down”").</summary>
    [GeneratedRegex(@"[.,;:]+([”""’)]?)$")]
    private static partial Regex TrailingPunctuation();
}
