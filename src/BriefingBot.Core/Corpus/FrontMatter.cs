namespace BriefingBot.Corpus;

/// <summary>
/// An optional <c>---</c> block of <c>key: value</c> lines at the very top of a file: title (or headline), author
/// (or authors, byline; a YAML list joined with "and"), published (or date), url. What it states wins over anything
/// read from the text.
/// </summary>
internal sealed record FrontMatter(string? Title, string? Author, DateOnly? Published, string? Url)
{
    /// <summary>
    /// Reads the block at the top of <paramref name="text"/>, whose lines are <paramref name="lines"/>;
    /// <paramref name="bodyStart"/> is the first line after it (0 when there is none, or when the block is never
    /// closed: then it is not front matter).
    /// </summary>
    public static FrontMatter? Read(ReadOnlySpan<char> text, IReadOnlyList<Range> lines, out int bodyStart)
    {
        bodyStart = 0;
        if (lines.Count == 0 || text[lines[0]].Trim() is not "---") return null;

        var close = -1;
        for (var i = 1; i < lines.Count; i++)
            if (text[lines[i]].Trim() is "---" or "...") { close = i; break; }
        if (close < 0) return null;

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < close; i++)
        {
            var line = text[lines[i]];
            var colon = line.IndexOf(':');
            if (colon <= 0 || char.IsWhiteSpace(line[0])) continue;
            var key = line[..colon].Trim().ToString();
            var value = Unquote(line[(colon + 1)..].Trim());
            // A YAML list under the key ("authors:" then "  - Jane Doe" lines) reads as its items joined.
            var items = new List<string>();
            while (value.Length == 0 && i + 1 < close && ListItem(text[lines[i + 1]]) is { } item)
            {
                items.Add(item);
                i++;
            }
            if (items.Count > 0) value = string.Join(" and ", items);
            if (value.Length > 0) values.TryAdd(key, value);
        }

        bodyStart = close + 1;
        var published = First(values, "published", "date", "pubdate", "publish_date", "published_at", "publication_date");
        return new FrontMatter(
            First(values, "title", "headline"),
            First(values, "author", "authors", "byline", "by"),
            published is null ? null : PublicationDate.ParseFrontMatter(published),
            values.GetValueOrDefault("url"));
    }

    private static string? First(Dictionary<string, string> values, params string[] keys) =>
        keys.Select(values.GetValueOrDefault).FirstOrDefault(v => v is not null);

    private static string? ListItem(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        return trimmed.StartsWith("- ", StringComparison.Ordinal) ? Unquote(trimmed[2..].Trim()) : null;
    }

    private static string Unquote(ReadOnlySpan<char> value) =>
        (value.Length >= 2 && (value[0], value[^1]) is ('"', '"') or ('\'', '\'') ? value[1..^1] : value).ToString();
}
