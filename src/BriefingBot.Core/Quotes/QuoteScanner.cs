using System.Buffers;

namespace BriefingBot.Quotes;

/// <summary>
/// Finds the quoted stretches of a paragraph. Double marks (curly, straight, guillemets) are read by context,
/// because typesetting is not reliable: “ typed where ” belongs (<c>…world,“ Xi said</c>) closes a quote, and spaces
/// inside the marks (<c>“ Negotiation … ”</c>) are tolerated. Single marks, curly or straight (British style:
/// <c>'We got it wrong,' she said</c>), are quotes only where they open before a word and close after one; elsewhere
/// they are apostrophes (<c>China’s</c>, <c>Trump ‘45</c>, <c>the compact's</c>).
/// </summary>
internal static class QuoteScanner
{
    private const string OpeningContext = "([{—–-/";
    private const string ClosingContext = ",.;:!?)]}—–-…";

    /// <param name="previousUnclosed">The previous paragraph ended inside a quote.</param>
    public static QuoteSpan[] Scan(string text, bool previousUnclosed)
    {
        var spans = ScanDouble(text, previousUnclosed);
        // Single quotes are looked for between the double ones, and added to the same list.
        var doubles = spans.Count;
        var from = 0;
        for (var i = 0; i < doubles; i++)
        {
            ScanSingle(text, from, spans[i].Open, spans);
            from = spans[i].End;
        }
        ScanSingle(text, from, text.Length, spans);
        spans.Sort((a, b) => a.Open.CompareTo(b.Open));
        return [.. spans];
    }

    private static List<QuoteSpan> ScanDouble(string text, bool previousUnclosed)
    {
        var spans = new List<QuoteSpan>();
        int? open = null;
        // Only the marks matter, so they are searched for (vectorised) rather than walked to character by character.
        for (var i = IndexOfDoubleMark(text, 0); i >= 0; i = IndexOfDoubleMark(text, i + 1))
        {
            var c = text[i];
            if (open is null)
            {
                // A closing mark with nothing open is a stray (or closes a quote opened in an earlier paragraph): skip it.
                if (IsClosingGlyph(c) && !OpensHere(text, i))
                    continue;
                open = i;
            }
            else if (IsOpeningGlyph(c) && OpensHere(text, i) && !ClosesHere(text, i))
            {
                // A new quote opens while one is still open: the first was never closed.
                spans.Add(new QuoteSpan(open.Value, i, false, false));
                open = i;
            }
            else
            {
                spans.Add(new QuoteSpan(open.Value, i + 1, false, false));
                open = null;
            }
        }
        if (open is not null)
            spans.Add(new QuoteSpan(open.Value, text.Length, true, false));

        if (previousUnclosed && spans.Count > 0 && spans[0].Open == FirstNonSpace(text))
            spans[0] = spans[0] with { ContinuesPrevious = true };
        return spans;
    }

    private static void ScanSingle(string text, int from, int to, List<QuoteSpan> spans)
    {
        for (var i = from; i < to; i++)
        {
            var mark = text.AsSpan(i, to - i).IndexOfAny('‘', '\'');
            if (mark < 0)
                return;
            i += mark;
            if (!OpensHere(text, i) || i + 1 >= to || !char.IsLetter(text[i + 1]))
                continue;
            for (var j = i + 2; j < to; j++)
            {
                if (text[j] is not ('’' or '‘' or '\'') || char.IsWhiteSpace(text[j - 1]))
                    continue;
                if (j + 1 < text.Length && char.IsLetterOrDigit(text[j + 1]))
                    continue; // an apostrophe inside a word
                spans.Add(new QuoteSpan(i, j + 1, false, false));
                i = j;
                break;
            }
        }
    }

    private static readonly SearchValues<char> DoubleMarks = SearchValues.Create("“”\"„«»");

    private static bool IsDoubleMark(char c) => DoubleMarks.Contains(c);

    private static int IndexOfDoubleMark(string text, int from)
    {
        var at = text.AsSpan(from).IndexOfAny(DoubleMarks);
        return at < 0 ? -1 : from + at;
    }

    private static bool IsOpeningGlyph(char c) => c is '“' or '„' or '«' or '"';

    private static bool IsClosingGlyph(char c) => c is '”' or '»';

    private static bool OpensHere(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1]) || OpeningContext.Contains(text[i - 1]) || IsDoubleMark(text[i - 1]))
        && i + 1 < text.Length;

    private static bool ClosesHere(string text, int i) =>
        i > 0 && !char.IsWhiteSpace(text[i - 1])
        && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || ClosingContext.Contains(text[i + 1]));

    private static int FirstNonSpace(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }
}
