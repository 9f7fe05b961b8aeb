using System.Text.RegularExpressions;

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
    public bool IsDescriptive => SentenceText.WordsOf(Label).Any(w => ClauseCues.IsContentWord(w.Lower));

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
        var phrases = text.Phrases(readings.Select(r => (r.Mention.Start, r.Mention.End())).ToList());
        var removals = readings.Select(r => Removal(text, r)).ToList();
        var removed = new bool[text.Text.Length];
        foreach (var (from, _, end) in removals)
            Array.Fill(removed, true, from, end - from);
        return readings.Select((reading, i) =>
        {
            // A deadline's "until"/"by" stays in its own label when the date ends the clause ("suspended … until").
            var (from, start, end) = removals[i];
            var (keepFrom, keepTo) = reading.Governor is Governor.Until or Governor.By && ClauseEnd().IsMatch(text.Text, end) ? (from, start) : (0, 0);
            return Read(text, reading, phrases, offset => removed[offset] && !(offset >= keepFrom && offset < keepTo));
        }).ToList();
    }

    private static MilestoneClause Read(SentenceText text, DateReading focus, IReadOnlyList<Segment> phrases, Func<int, bool> isRemoved)
    {
        var sentence = text.Text;
        var homeIndex = Enumerable.Range(0, phrases.Count).FirstOrDefault(i => phrases[i].Contains(focus.Mention.Start));
        var home = Tokens(sentence, phrases[homeIndex], isRemoved);
        var pivot = home.Count(t => t.Start < focus.Mention.Start);

        var material = (Tokens: home, Pivot: pivot);
        if (!Says(home))
        {
            var next = Neighbour(sentence, phrases, homeIndex, +1);
            var previous = Neighbour(sentence, phrases, homeIndex, -1);
            var fronted = pivot == 0 || previous is null;
            var options = new List<(List<Token>, int)>();
            if (next is { } n)
                options.Add((Tokens(sentence, n, isRemoved), 0));
            if (previous is { } p)
            {
                var before = Tokens(sentence, p, isRemoved);
                // Keep the comma the phrases were split at: "Kuala Lumpur, Malaysia".
                if (before.Count > 0 && p.End < sentence.Length && sentence[p.End] == ',')
                    before[^1] = before[^1] with { Text = before[^1].Text + "," };
                var merged = before.Concat(home).ToList();
                options.Add((merged, merged.Count(t => t.Start < focus.Mention.Start)));
            }

            if (!fronted)
                options.Reverse();
            material = options.Where(o => Says(o.Item1)).Select(o => (o.Item1, o.Item2)).FirstOrDefault(material);
        }

        var words = material.Tokens.Select(t => t.Word).ToList();
        return new MilestoneClause(
            LabelOf(material.Tokens, material.Pivot),
            words.Any(ClauseCues.IsEventWord),
            words.Any(ClauseCues.IsOccasion),
            words.Any(ClauseCues.IsDeadlineWord),
            text.OrientationAt(focus.Mention.Start, focus.Mention.End()) != Orientation.Neutral);
    }

    /// <summary>A phrase says something when it has an event or deadline word and at least two content words.</summary>
    private static bool Says(IReadOnlyList<Token> tokens) =>
        tokens.Count(t => ClauseCues.IsContentWord(t.Word)) >= 2
        && tokens.Any(t => ClauseCues.IsEventWord(t.Word) || ClauseCues.IsDeadlineWord(t.Word));

    /// <summary>The nearest phrase in direction <paramref name="step"/> that has words and is not quoted speech.</summary>
    private static Segment? Neighbour(string sentence, IReadOnlyList<Segment> phrases, int index, int step)
    {
        for (var i = index + step; i >= 0 && i < phrases.Count; i += step)
            if (!phrases[i].IsSpeech && sentence[phrases[i].Start..phrases[i].End].Any(char.IsLetter))
                return phrases[i];
        return null;
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
        return (connector.Success ? connector.Index : text.GovernorStart(start), start, end);
    }

    private static List<Token> Tokens(string sentence, Segment phrase, Func<int, bool> isRemoved)
    {
        var tokens = new List<Token>();
        for (var match = NonSpace().Match(sentence, phrase.Start, phrase.End - phrase.Start); match.Success; match = match.NextMatch())
        {
            // Keep the characters of the token outside removed ranges ("26." loses "26" and keeps ".").
            var kept = string.Concat(match.Value.Where((_, i) => !isRemoved(match.Index + i)));
            if (kept.Any(char.IsLetterOrDigit))
                tokens.Add(new Token(match.Index, kept));
            else if (kept == match.Value && tokens.Count > 0)
                tokens[^1] = tokens[^1] with { Text = tokens[^1].Text + " " + kept };
        }

        return tokens;
    }

    /// <summary>
    /// Takes the words around the date up to the length limit, starting on the side of its governing word: the event or
    /// deadline word nearest to it, looked for first before the date ("met … in Busan", "suspended … until") and right
    /// after it only when that is nearer and close ("his 2015 state visit"). Words after the date never run on into the
    /// next clause ("…in March 2024 that people…", "…by 2030 and reach…").
    /// </summary>
    private static string LabelOf(IReadOnlyList<Token> tokens, int pivot)
    {
        var rightLimit = pivot;
        while (rightLimit < tokens.Count && !ClauseCues.OpensClause(tokens[rightLimit].Word)
               && !(pivot > 0 && ClauseCues.Coordinates(tokens[rightLimit].Word)))
            rightLimit++;
        var leftCue = Enumerable.Range(0, pivot).Reverse().Where(i => IsCue(tokens[i])).Select(i => pivot - 1 - i).DefaultIfEmpty(int.MaxValue).First();
        var rightCue = Enumerable.Range(pivot, rightLimit - pivot).Where(i => IsCue(tokens[i])).Select(i => i - pivot).DefaultIfEmpty(int.MaxValue).First();

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
        if (last + 1 < rightLimit && !ClauseCues.IsPreposition(tokens[last + 1].Word))
            for (var i = last; i > Math.Max(first, pivot) && i > last - DanglingWords; i--)
                if (ClauseCues.IsPreposition(tokens[i].Word))
                {
                    last = i - 1;
                    break;
                }

        var kept = tokens.Skip(first).Take(last - first + 1).Select(t => t.Text).ToList();
        while (kept.Count > 0 && ClauseCues.IsEdgeWord(Bare(kept[0]).ToLowerInvariant()))
            kept.RemoveAt(0);
        while (kept.Count > 0 && ClauseCues.IsEdgeWord(Bare(kept[^1]).ToLowerInvariant()))
            kept.RemoveAt(kept.Count - 1);
        return BalanceQuotes(TrailingPunctuation().Replace(string.Join(' ', kept), "$1"));
    }

    private static bool IsCue(Token token) => ClauseCues.IsEventWord(token.Word) || ClauseCues.IsDeadlineWord(token.Word);

    /// <summary>Closes a quotation the cut left open and drops a closing mark whose opening was cut off.</summary>
    private static string BalanceQuotes(string label)
    {
        var result = new System.Text.StringBuilder(label.Length + 1);
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

    private static string Bare(string token) => token.Trim(Punctuation);

    private static readonly char[] Punctuation = ['.', ',', ';', ':', '“', '”', '"', '‘', '’', '\'', '(', ')', '!', '?'];

    /// <summary>A word of a label with its offset in the sentence.</summary>
    private sealed record Token(int Start, string Text)
    {
        public string Word => Bare(Text).ToLowerInvariant();
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
