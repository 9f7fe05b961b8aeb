using System.Buffers;
using System.Globalization;
using BriefingBot.Corpus;

namespace BriefingBot.Quotes;

/// <summary>A word of a paragraph outside its quotes: characters [<paramref name="Start"/>, <paramref name="End"/>) of
/// <paramref name="Source"/>, the paragraph's text. Most words are only ever looked up in a word list or looked at by
/// their first letter, so a word's string is made only when asked for (<see cref="Text"/>).</summary>
internal readonly record struct Word(int Start, int End, string Source)
{
    public ReadOnlySpan<char> Span => Source.AsSpan(Start, End - Start);

    public string Text => Source[Start..End];

    public string Lower => Text.ToLowerInvariant();

    public bool IsCapitalised => char.IsUpper(Source[Start]);

    /// <summary>"China’s", "Trump's": the word is a possessive.</summary>
    public bool IsPossessive => End - Start > 2 && Source[End - 1] is 's' && Source[End - 2] is '’' or '\'';

    /// <summary>The word without a possessive ending.</summary>
    public ReadOnlySpan<char> Bare => IsPossessive ? Source.AsSpan(Start, End - Start - 2) : Span;

    /// <summary>The word, lowercased, is <paramref name="lower"/> (which is in lowercase): <see cref="Lower"/> ==
    /// <paramref name="lower"/> without making either string.</summary>
    public bool Is(string lower)
    {
        // Lowercasing keeps the length, so most words are told apart without lowercasing them.
        if (End - Start != lower.Length)
            return false;
        Span<char> folded = stackalloc char[lower.Length];
        Span.ToLowerInvariant(folded);
        return folded.SequenceEqual(lower);
    }

    /// <summary>The word, lowercased, is one of <paramref name="lowerWords"/>: lowerWords.Contains(<see cref="Lower"/>)
    /// without making the string.</summary>
    public bool LowerIsIn(WordSet lowerWords)
    {
        Span<char> buffer = stackalloc char[LowerOnStack];
        return lowerWords.Contains(LowerInto(buffer));
    }

    /// <summary><see cref="Lower"/>.EndsWith(<paramref name="lowerSuffix"/>) without making the string.</summary>
    public bool LowerEndsWith(string lowerSuffix)
    {
        Span<char> buffer = stackalloc char[LowerOnStack];
        return LowerInto(buffer).EndsWith(lowerSuffix, StringComparison.Ordinal);
    }

    /// <summary><see cref="Lower"/> written into <paramref name="buffer"/>; a word too long for it gets a string.</summary>
    public ReadOnlySpan<char> LowerInto(Span<char> buffer) =>
        End - Start <= buffer.Length ? buffer[..Span.ToLowerInvariant(buffer)] : Lower;

    /// <summary>Room enough on the stack for any word of the word lists, and for nearly every word of a text.</summary>
    public const int LowerOnStack = 64;
}

/// <summary>The words of a paragraph outside its quotes, in order, each made from its offsets when it is read.</summary>
internal readonly struct ParagraphWords(int[] starts, int[] ends, string text)
{
    public int Count => starts.Length;

    public Word this[int index] => new(starts[index], ends[index], text);
}

/// <summary>One step of a walk through a paragraph: a word (index into <see cref="ParagraphLayout.Words"/>), or the
/// punctuation mark that stopped the walk, at text position <paramref name="At"/>.</summary>
internal readonly record struct Step(int Word, char Mark, int At);

/// <summary>
/// A paragraph read for attribution: its quotes, its words outside the quotes, and its sentences, split so that a
/// quote is never cut in two (a quoted "Dialogue, negotiation and mutual compromise are." is one piece of a sentence).
/// </summary>
internal sealed class ParagraphLayout
{
    // An array rather than the list it is shown as: it is looked through for every word of the corpus.
    private readonly QuoteSpan[] quotes;
    private readonly int[] wordStarts;
    private readonly int[] wordEnds;
    // The list itself, not the interface it is shown as, is walked: through the interface its enumerator is boxed.
    private readonly List<TextRange> sentences;

    public ParagraphLayout(int index, int number, string text, bool previousUnclosed)
    {
        Index = index;
        Number = number;
        Text = text;
        quotes = QuoteScanner.Scan(text, previousUnclosed);
        (wordStarts, wordEnds) = WordOffsets();
        Words = new ParagraphWords(wordStarts, wordEnds, text);
        sentences = SplitSentences();
    }

    /// <summary>0-based position of the paragraph in the article.</summary>
    public int Index { get; }

    /// <summary>The paragraph's number in the article (1-based), as cited.</summary>
    public int Number { get; }

    public string Text { get; }

    public IReadOnlyList<QuoteSpan> Quotes => quotes;

    /// <summary>Words outside the quotes, in order.</summary>
    public ParagraphWords Words { get; }

    public IReadOnlyList<TextRange> Sentences => sentences;

    /// <summary>The paragraph ends inside a quote.</summary>
    public bool EndsUnclosed => quotes.Length > 0 && quotes[^1].Unclosed;

    // A loop rather than LINQ: it runs for every word of the corpus.
    public bool IsQuoted(int position)
    {
        foreach (var quote in quotes)
            if (quote.Contains(position))
                return true;
        return false;
    }

    /// <summary>Only whitespace stands between word <paramref name="a"/> and word <paramref name="b"/>.</summary>
    public bool IsBlankBetween(int a, int b)
    {
        for (var i = Words[a].End; i < Words[b].Start; i++)
            if (!char.IsWhiteSpace(Text[i]))
                return false;
        return true;
    }

    /// <summary>Index of the first word starting at or after <paramref name="position"/>.</summary>
    public int WordAtOrAfter(int position)
    {
        var i = Array.BinarySearch(wordStarts, position);
        return i >= 0 ? i : ~i;
    }

    /// <summary>The indices [from, to) of the words lying inside <paramref name="range"/>.</summary>
    public (int From, int To) WordsIn(TextRange range) => (WordAtOrAfter(range.Start), WordAtOrAfter(range.End));

    /// <summary>
    /// Walks left from <paramref name="position"/> over spaces and parentheses ("Kissinger (2011) cautioned"):
    /// the word that ends there, or else the punctuation mark met (<c>'\0'</c> at the start of the paragraph).
    /// </summary>
    public Step StepLeft(int position)
    {
        var i = position;
        while (true)
        {
            while (i > 0 && char.IsWhiteSpace(Text[i - 1])) i--;
            if (i > 0 && Text[i - 1] == ')')
            {
                var open = Text.LastIndexOf('(', i - 1);
                if (open < 0)
                    return new Step(-1, ')', i);
                i = open;
                continue;
            }
            break;
        }
        if (i == 0)
            return new Step(-1, '\0', 0);
        var k = Array.BinarySearch(wordEnds, i);
        return k >= 0 ? new Step(k, '\0', i) : new Step(-1, Text[i - 1], i);
    }

    /// <summary>Walks right from <paramref name="position"/> over spaces and parentheses: the word that starts there,
    /// or else the punctuation mark met (<c>'\0'</c> at the end of the paragraph).</summary>
    public Step StepRight(int position)
    {
        var i = position;
        while (true)
        {
            while (i < Text.Length && char.IsWhiteSpace(Text[i])) i++;
            if (i < Text.Length && Text[i] == '(')
            {
                var close = Text.IndexOf(')', i);
                if (close < 0)
                    return new Step(-1, '(', i);
                i = close + 1;
                continue;
            }
            break;
        }
        if (i >= Text.Length)
            return new Step(-1, '\0', i);
        var k = Array.BinarySearch(wordStarts, i);
        return k >= 0 ? new Step(k, '\0', i) : new Step(-1, Text[i], i);
    }

    public TextRange SentenceAt(int position)
    {
        foreach (var sentence in sentences)
            if (position < sentence.End)
                return sentence;
        return sentences.Count > 0 ? sentences[^1] : new TextRange(0, Text.Length);
    }

    /// <summary>True when the range holds nothing but quotes, spaces and punctuation.</summary>
    public bool IsOnlyQuotes(TextRange range)
    {
        for (var i = range.Start; i < range.End; i++)
            if (char.IsLetterOrDigit(Text[i]) && !IsQuoted(i))
                return false;
        return true;
    }

    /// <summary>Where the words outside the quotes start and end. The offsets are gathered in pooled buffers and copied
    /// out at their exact count: they are kept for every paragraph of the corpus.</summary>
    private (int[] Starts, int[] Ends) WordOffsets()
    {
        // A word is followed by a character that is not part of it: at most one word starts in any two characters.
        var most = Text.Length / 2 + 1;
        var starts = ArrayPool<int>.Shared.Rent(most);
        var ends = ArrayPool<int>.Shared.Rent(most);
        try
        {
            var count = 0;
            var i = 0;
            while (i < Text.Length)
            {
                if (!char.IsLetterOrDigit(Text[i]))
                {
                    i++;
                    continue;
                }
                var start = i;
                i = WordEnd(i + 1);
                if (IsQuoted(start))
                    continue;
                starts[count] = start;
                ends[count] = i;
                count++;
            }
            return (starts[..count], ends[..count]);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(ends);
        }
    }

    private List<TextRange> SplitSentences()
    {
        var sentences = new List<TextRange>();
        var start = 0;
        var i = 0;
        var next = 0; // the next quote to reach: quotes are in the order they open
        while (i < Text.Length)
        {
            while (next < quotes.Length && (quotes[next].Open < i || quotes[next].End <= quotes[next].Open)) next++;
            var quoteOpen = next < quotes.Length ? quotes[next].Open : Text.Length;
            if (quoteOpen == i)
            {
                var quote = quotes[next];
                i = quote.End;
                var inner = quote.Inner(Text);
                if (inner is { } r && SentenceEnds.Contains(Text[r.End - 1]) && StartsSentence(i))
                    Cut(ref start, i, sentences);
                continue;
            }
            // Until the next quote only the marks that may end a sentence matter: they are searched for, not walked to.
            var mark = Text.AsSpan(i, quoteOpen - i).IndexOfAny(SentenceEnds);
            if (mark < 0)
            {
                i = quoteOpen;
                continue;
            }
            i += mark;
            if (EndsSentence(i))
            {
                var end = i + 1;
                while (end < Text.Length && Text[end] is ')' or ']') end++;
                Cut(ref start, end, sentences);
                i = end;
                continue;
            }
            i++;
        }
        Cut(ref start, Text.Length, sentences);
        return sentences;
    }

    private void Cut(ref int start, int end, List<TextRange> sentences)
    {
        var s = start;
        var e = end;
        while (s < e && char.IsWhiteSpace(Text[s])) s++;
        while (e > s && char.IsWhiteSpace(Text[e - 1])) e--;
        if (e > s)
            sentences.Add(new TextRange(s, e));
        start = end;
    }

    private bool EndsSentence(int i)
    {
        if (Text[i] == '.' && IsAbbreviationBefore(i))
            return false;
        var next = i + 1;
        while (next < Text.Length && Text[next] is ')' or ']') next++;
        if (next >= Text.Length)
            return true;
        // "confrontation ”.The Trump administration": a period glued to the next sentence after a closing quote.
        if (!char.IsWhiteSpace(Text[next]))
            return i > 0 && Text[i - 1] is '”' or '"' && char.IsUpper(Text[next]);
        return StartsSentence(next);
    }

    /// <summary>After optional spaces, the text goes on with what can open a sentence (capital, digit, quote, bracket).</summary>
    private bool StartsSentence(int i)
    {
        while (i < Text.Length && char.IsWhiteSpace(Text[i])) i++;
        if (i >= Text.Length)
            return true;
        var c = Text[i];
        return char.IsUpper(c) || char.IsDigit(c) || c is '“' or '"' or '‘' or '\'' or '(' or '[' or '«';
    }

    private bool IsAbbreviationBefore(int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(Text[start - 1]) || Text[start - 1] == '.')) start--;
        var word = Text.AsSpan(start, period - start);
        if (word.Length == 0)
            return false;
        return (word.Length == 1 && char.IsUpper(word[0])) || Lexicon.Abbreviations.Contains(word);
    }

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?…");

    /// <summary>Where the word going on at <paramref name="i"/> ends. A word is what
    /// <c>[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}]*(?:['’\-][\p{L}\p{M}\p{Nd}]+)*</c> matches ("O’Brien", "Jean-Claude",
    /// "G2"); read by hand because every character of the corpus passes through here, and a regex runner was a fifth
    /// of the stage.</summary>
    private int WordEnd(int i)
    {
        while (true)
        {
            while (i < Text.Length && IsWordPart(Text[i])) i++;
            if (i + 1 < Text.Length && Text[i] is '\'' or '’' or '-' && IsWordPart(Text[i + 1]))
            {
                i += 2;
                continue;
            }
            return i;
        }
    }

    /// <summary>A letter, a decimal digit or a combining mark (<c>[\p{L}\p{M}\p{Nd}]</c>).</summary>
    private static bool IsWordPart(char c) =>
        char.IsLetterOrDigit(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
