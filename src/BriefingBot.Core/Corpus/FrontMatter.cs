namespace BriefingBot.Corpus;

/// <summary>
/// An optional <c>---</c> block of <c>key: value</c> lines at the very top of a file (title, author, published, url).
/// What it states wins over anything read from the text.
/// </summary>
internal sealed record FrontMatter(string? Title, string? Author, DateOnly? Published, string? Url)
{
    /// <summary>
    /// Reads the block at the top of <paramref name="lines"/>; <paramref name="bodyStart"/> is the first line after it
    /// (0 when there is none, or when the block is never closed: then it is not front matter).
    /// </summary>
    public static FrontMatter? Read(IReadOnlyList<string> lines, out int bodyStart)
    {
        bodyStart = 0;
        if (lines.Count == 0 || lines[0].Trim() != "---") return null;

        var close = -1;
        for (var i = 1; i < lines.Count; i++)
            if (lines[i].Trim() is "---" or "...") { close = i; break; }
        if (close < 0) return null;

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < close; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon <= 0) continue;
            var value = Unquote(lines[i][(colon + 1)..].Trim());
            if (value.Length > 0) values.TryAdd(lines[i][..colon].Trim(), value);
        }

        bodyStart = close + 1;
        var published = values.GetValueOrDefault("published") ?? values.GetValueOrDefault("date");
        return new FrontMatter(
            values.GetValueOrDefault("title"),
            values.GetValueOrDefault("author"),
            published is null ? null : PublicationDate.ParseFrontMatter(published),
            values.GetValueOrDefault("url"));
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0], value[^1]) is ('"', '"') or ('\'', '\'') ? value[1..^1] : value;
}
