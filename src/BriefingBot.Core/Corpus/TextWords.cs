namespace BriefingBot.Corpus;

/// <summary>
/// Counts the whitespace-separated words of a text without splitting it: every line of every article is measured
/// against several word limits, and a split would allocate each word of each paragraph to learn it is long. Also
/// tells a text with a word in it from bare punctuation.
/// </summary>
internal static class TextWords
{
    /// <summary>True when <paramref name="text"/> has no more than <paramref name="max"/> words; stops reading past them.</summary>
    public static bool AtMost(ReadOnlySpan<char> text, int max) => CountUpTo(text, max + 1) <= max;

    /// <summary>True when <paramref name="text"/> has a letter or a digit (in any script), not only punctuation and space.</summary>
    public static bool HasLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (char.IsLetterOrDigit(c))
                return true;
        return false;
    }

    private static int CountUpTo(ReadOnlySpan<char> text, int limit)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord && ++count == limit) return count;
            inWord = !space;
        }
        return count;
    }
}
