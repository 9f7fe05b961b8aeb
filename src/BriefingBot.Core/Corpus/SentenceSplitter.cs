using System.Buffers;
using System.Text.RegularExpressions;

namespace BriefingBot.Corpus;

/// <summary>
/// Splits a paragraph into sentences whose text is an exact slice of the paragraph
/// (<c>paragraph.Substring(Start, Text.Length)</c>).
/// </summary>
/// <remarks>
/// A sentence ends at <c>.</c>, <c>!</c> or <c>?</c> (plus any closing quotes or brackets right after it)
/// when the next text starts like a sentence: a capital letter, a digit or an opening quote/bracket.
/// A period does not end a sentence after a title (<c>Mr.</c>, <c>Dr.</c>, <c>Gov.</c>), an initial
/// (<c>Donald J. Trump</c>), a month or <c>No.</c> before a number (<c>Jan. 1</c>), or <c>e.g.</c>/<c>i.e.</c>;
/// after a dotted acronym (<c>U.S.</c>, <c>U.N.</c>) or <c>Inc.</c> it ends one only when a typical sentence opener
/// follows (<c>The</c>, <c>But</c>, <c>He</c>…), so "U.S. President Trump" stays whole while "left the U.S. The talks"
/// splits. A comma inside a closing quote (<c>,”</c>) never ends a sentence; an ellipsis never does.
/// </remarks>
public static partial class SentenceSplitter
{
    // "U.S", "U.N", "a.m", "Ph.D" (the final period is the one being judged).
    [GeneratedRegex(@"^(?:\p{L}{1,2}\.)+\p{L}{1,2}$")]
    private static partial Regex DottedAcronym();

    // Titles and Latin abbreviations: always followed by more of the same sentence.
    private static readonly WordSet NeverFinal = new(ignoreCase: true,
    [
        "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
        "rev", "hon", "amb", "pres", "supt", "st", "mt", "ft", "vs", "cf", "e.g", "i.e", "approx", "dept",
    ]);

    // Abbreviations that are followed by a number ("Jan. 1", "No. 5", "Fig. 2").
    private static readonly WordSet BeforeNumber = new(ignoreCase: true,
    [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "nos", "fig", "figs", "vol", "pp", "p", "art", "ch", "sec", "op",
    ]);

    // Abbreviations that may or may not close a sentence; they close one only before a sentence opener.
    private static readonly WordSet Ambiguous = new(ignoreCase: true,
    [
        "inc", "corp", "ltd", "co", "jr", "sr", "bros", "plc",
    ]);

    // Words that open sentences far more often than they continue a name ("U.S. The talks", not "U.S. Congress").
    private static readonly WordSet SentenceOpeners = new(ignoreCase: false,
    [
        "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her",
        "Their", "Our", "But", "And", "Or", "So", "Yet", "However", "Meanwhile", "In", "On", "At", "As", "A", "An",
        "If", "When", "While", "After", "Before", "Since", "Although", "Though", "There", "Still", "Then", "Now",
        "For", "With", "Both", "Such", "Some", "Many", "Most", "All", "Neither", "Nor", "What", "Why", "How",
    ]);

    /// <summary>The sentences of <paramref name="text"/>, in order, each trimmed; empty for blank text.</summary>
    public static IReadOnlyList<Sentence> Split(string text) => Split(text, []);

    /// <summary>
    /// The sentences of <paramref name="text"/>, gathered in <paramref name="sentences"/> (cleared first), which the
    /// caller may reuse from paragraph to paragraph: what is returned is an array of exactly the sentences, since it
    /// lives as long as the corpus, and a list per paragraph would outlive it half empty.
    /// </summary>
    internal static Sentence[] Split(string text, List<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        sentences.Clear();
        var start = SkipWhitespace(text, 0);
        // Only a terminal can end a sentence: the text between them is skipped in bulk. Every `i = …` below is where
        // the search resumes after.
        var i = start - 1;
        while ((i = NextTerminal(text, i + 1)) >= 0)
        {
            var runEnd = i;
            while (runEnd + 1 < text.Length && IsTerminal(text[runEnd + 1])) runEnd++;
            if (text[i] == '.' && runEnd - i >= 2)
            {
                i = runEnd; // "..." trails off inside a sentence or quotation
                continue;
            }

            var end = runEnd + 1;
            while (end < text.Length && IsCloser(text[end])) end++;
            var closedByQuote = end > runEnd + 1;

            int next;
            if (end >= text.Length) break;
            if (char.IsWhiteSpace(text[end]))
            {
                next = SkipWhitespace(text, end);
                if (next >= text.Length) break;
                if (!IsSentenceStart(text[next])) { i = runEnd; continue; }
            }
            else if ((closedByQuote || (i > 0 && IsCloser(text[i - 1]))) && StartsWord(text, end))
            {
                next = end; // a sloppy `.”The` or `”.The` with the space missing
            }
            else
            {
                i = runEnd;
                continue;
            }

            // A period right before a closing quote ends the quoted sentence: "… called it “Technology War 2.0.” Rather"
            if (text[i] == '.' && runEnd == i && !closedByQuote && IsAbbreviation(text, i, next))
            {
                i = runEnd;
                continue;
            }

            sentences.Add(new Sentence(start, end - start));
            start = next;
            i = next - 1;
        }

        var tailEnd = text.Length;
        while (tailEnd > start && char.IsWhiteSpace(text[tailEnd - 1])) tailEnd--;
        if (tailEnd > start) sentences.Add(new Sentence(start, tailEnd - start));
        return sentences.ToArray();
    }

    private static bool IsAbbreviation(string text, int period, int next)
    {
        var word = WordBefore(text, period);
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "J." in "Donald J. Trump"
        if (NeverFinal.Contains(word)) return true;
        if (BeforeNumber.Contains(word)) return char.IsDigit(text[next]);
        if (DottedAcronym().IsMatch(word) || Ambiguous.Contains(word)) return !SentenceOpeners.Contains(WordAt(text, next));
        return false;
    }

    // The word ending at the period, without the period, leading punctuation or a hyphenated prefix ("China-U").
    private static ReadOnlySpan<char> WordBefore(string text, int period)
    {
        var begin = period;
        while (begin > 0 && !char.IsWhiteSpace(text[begin - 1]) && !IsOpener(text[begin - 1])
               && text[begin - 1] is not ('-' or '–' or '—' or '/')) begin--;
        return text.AsSpan(begin, period - begin);
    }

    private static ReadOnlySpan<char> WordAt(string text, int index)
    {
        while (index < text.Length && IsOpener(text[index])) index++;
        var end = index;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return text.AsSpan(index, end - index);
    }

    private static int SkipWhitespace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index])) index++;
        return index;
    }

    private static bool StartsWord(string text, int index) =>
        index + 1 < text.Length && char.IsUpper(text[index]) && char.IsLower(text[index + 1]);

    private static readonly SearchValues<char> Terminals = SearchValues.Create(".!?");

    private static bool IsTerminal(char c) => Terminals.Contains(c);

    private static int NextTerminal(string text, int from) =>
        text.AsSpan(from).IndexOfAny(Terminals) is var found and >= 0 ? from + found : -1;

    private static bool IsCloser(char c) => c is '”' or '’' or '"' or '\'' or ')' or ']' or '»';

    private static bool IsOpener(char c) => c is '“' or '‘' or '"' or '\'' or '(' or '[' or '«' or '¿' or '¡';

    private static bool IsSentenceStart(char c) => char.IsUpper(c) || char.IsDigit(c) || IsOpener(c);
}
