namespace BriefingBot.Corpus;

/// <summary>
/// Counts the whitespace-separated words of a text without splitting it: every line of every article is measured
/// against several word limits, and a split would allocate each word of each paragraph to learn it is long.
/// </summary>
internal static class TextWords
{
    /// <summary>True when <paramref name="text"/> has no more than <paramref name="max"/> words; stops reading past them.</summary>
    public static bool AtMost(ReadOnlySpan<char> text, int max) => CountUpTo(text, max + 1) <= max;

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
