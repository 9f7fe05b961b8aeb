using System.Text.RegularExpressions;

namespace BriefingBot.Quotes;

/// <summary>A word of a paragraph outside its quotes.</summary>
internal readonly record struct Word(int Start, int End, string Text)
{
    public string Lower => Text.ToLowerInvariant();

    public bool IsCapitalised => char.IsUpper(Text[0]);

    /// <summary>"China’s", "Trump's": the word is a possessive.</summary>
    public bool IsPossessive => Text.Length > 2 && Text[^1] is 's' && Text[^2] is '’' or '\'';

    /// <summary>The word without a possessive ending.</summary>
    public string Bare => IsPossessive ? Text[..^2] : Text;
}

/// <summary>One step of a walk through a paragraph: a word (index into <see cref="ParagraphLayout.Words"/>), or the
/// punctuation mark that stopped the walk, at text position <paramref name="At"/>.</summary>
internal readonly record struct Step(int Word, char Mark, int At);

/// <summary>
/// A paragraph read for attribution: its quotes, its words outside the quotes, and its sentences, split so that a
/// quote is never cut in two (a quoted "Dialogue, negotiation and mutual compromise are." is one piece of a sentence).
/// </summary>
internal sealed partial class ParagraphLayout
{
    private readonly int[] wordStarts;
    private readonly int[] wordEnds;

    public ParagraphLayout(int index, int number, string text, bool previousUnclosed)
    {
        Index = index;
        Number = number;
        Text = text;
        Quotes = QuoteScanner.Scan(text, previousUnclosed);
        var words = new List<Word>();
        foreach (var match in WordPattern().EnumerateMatches(text))
            if (!IsQuoted(match.Index))
                words.Add(new Word(match.Index, match.Index + match.Length, text.Substring(match.Index, match.Length)));
        Words = words;
        wordStarts = [.. words.Select(w => w.Start)];
        wordEnds = [.. words.Select(w => w.End)];
        Sentences = SplitSentences();
    }

    /// <summary>0-based position of the paragraph in the article.</summary>
    public int Index { get; }

    /// <summary>The paragraph's number in the article (1-based), as cited.</summary>
    public int Number { get; }

    public string Text { get; }

    public IReadOnlyList<QuoteSpan> Quotes { get; }

    /// <summary>Words outside the quotes, in order.</summary>
    public IReadOnlyList<Word> Words { get; }

    public IReadOnlyList<TextRange> Sentences { get; }

    /// <summary>The paragraph ends inside a quote.</summary>
    public bool EndsUnclosed => Quotes.Count > 0 && Quotes[^1].Unclosed;

    // Loops rather than LINQ here and in QuoteOpeningAt: they run for every word and every character of the corpus.
    public bool IsQuoted(int position)
    {
        for (var i = 0; i < Quotes.Count; i++)
            if (Quotes[i].Contains(position))
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
        foreach (var sentence in Sentences)
            if (position < sentence.End)
                return sentence;
        return Sentences.Count > 0 ? Sentences[^1] : new TextRange(0, Text.Length);
    }

    /// <summary>True when the range holds nothing but quotes, spaces and punctuation.</summary>
    public bool IsOnlyQuotes(TextRange range)
    {
        for (var i = range.Start; i < range.End; i++)
            if (char.IsLetterOrDigit(Text[i]) && !IsQuoted(i))
                return false;
        return true;
    }

    private List<TextRange> SplitSentences()
    {
        var sentences = new List<TextRange>();
        var start = 0;
        var i = 0;
        while (i < Text.Length)
        {
            if (QuoteOpeningAt(i) is { } quote)
            {
                i = quote.End;
                var inner = quote.Inner(Text);
                if (inner is { } r && ".!?…".Contains(Text[r.End - 1]) && StartsSentence(i))
                    Cut(ref start, i, sentences);
                continue;
            }
            if (".!?…".Contains(Text[i]) && EndsSentence(i))
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

    private QuoteSpan? QuoteOpeningAt(int position)
    {
        for (var i = 0; i < Quotes.Count; i++)
            if (Quotes[i].Open == position && Quotes[i].End > Quotes[i].Open)
                return Quotes[i];
        return null;
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
        var word = Text[start..period];
        if (word.Length == 0)
            return false;
        return (word.Length == 1 && char.IsUpper(word[0])) || Lexicon.Abbreviations.Contains(word);
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}]*(?:['’\-][\p{L}\p{M}\p{Nd}]+)*")]
    private static partial Regex WordPattern();
}
