using System.Text;

namespace BriefingBot.Discord;

/// <summary>Text as Discord should show it: markdown escaped so quotes read as written, and cut only at word boundaries.</summary>
public static class DiscordText
{
    /// <summary>Appended wherever text was shortened, so a reader never mistakes a cut quote for the whole.</summary>
    public const string TruncationMark = " …(truncated)";

    // Characters Discord's markdown acts on anywhere in a line, and those it acts on only at the start of one.
    private const string InlineMarkdown = "\\*_~`|[]<";
    private const string LineStartMarkdown = "#->";

    /// <summary>Backslash-escapes markdown so <paramref name="text"/> renders literally (a quoted <c>*</c> stays a star,
    /// a quoted <c>&lt;@123&gt;</c> is not a mention).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        var lineStart = true;
        foreach (var c in text)
        {
            if (InlineMarkdown.Contains(c) || (lineStart && LineStartMarkdown.Contains(c))) escaped.Append('\\');
            escaped.Append(c);
            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }
        return escaped.ToString();
    }

    /// <summary>An escaped blockquote of <paramref name="text"/>, every line marked.</summary>
    public static string Blockquote(string text) => "> " + Escape(text.Trim()).ReplaceLineEndings("\n> ");

    /// <summary>
    /// <paramref name="text"/> trimmed, or, when longer than <paramref name="max"/>, its longest run of whole words that
    /// fits with <see cref="TruncationMark"/> appended. A single word longer than that is cut, still marked, never
    /// through a surrogate pair or an escape.
    /// </summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, TruncationMark.Length * 2);
        text = text.Trim();
        if (text.Length <= max) return text;

        var room = max - TruncationMark.Length;
        var cut = room;
        while (cut > 0 && !char.IsWhiteSpace(text[cut])) cut--;
        if (cut == 0)
        {
            cut = room;
            if (char.IsHighSurrogate(text[cut - 1])) cut--;
            if (EndsWithLoneBackslash(text.AsSpan(0, cut))) cut--;
        }
        return text[..cut].TrimEnd() + TruncationMark;
    }

    /// <summary>
    /// Joins as many whole <paramref name="lines"/> as fit in <paramref name="max"/> characters, then says how many
    /// were left out (<c>…and 3 more</c>). Each line is itself truncated to fit.
    /// </summary>
    public static string JoinLines(IReadOnlyList<string> lines, int max)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var reserve = More(lines.Count).Length + 1;
        var joined = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var isLast = i == lines.Count - 1;
            var line = Truncate(lines[i], max - (isLast ? 0 : reserve));
            var needed = (joined.Length > 0 ? 1 : 0) + line.Length;
            if (joined.Length + needed > max - (isLast ? 0 : reserve))
                return joined.Length == 0 ? More(lines.Count) : joined.Append('\n').Append(More(lines.Count - i)).ToString();
            if (joined.Length > 0) joined.Append('\n');
            joined.Append(line);
        }
        return joined.ToString();
    }

    private static string More(int count) => $"…and {count} more";

    private static bool EndsWithLoneBackslash(ReadOnlySpan<char> text)
    {
        var backslashes = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '\\'; i--) backslashes++;
        return backslashes % 2 == 1;
    }
}
