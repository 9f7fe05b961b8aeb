namespace BriefingBot.Quotes;

/// <summary>
/// One quoted stretch of a paragraph, quote marks included: from the opening mark at <see cref="Open"/> to just
/// past the closing mark at <see cref="End"/>, or to the end of the paragraph when the quote runs on.
/// </summary>
/// <param name="Unclosed">The paragraph ends inside the quote (newspaper run-on: it may continue in the next paragraph).</param>
/// <param name="ContinuesPrevious">This quote continues the previous paragraph's unclosed quote.</param>
internal readonly record struct QuoteSpan(int Open, int End, bool Unclosed, bool ContinuesPrevious)
{
    /// <summary>The quoted words without marks, trimmed of spaces and of a trailing comma; null when empty.</summary>
    public TextRange? Inner(string text)
    {
        var start = Open + 1;
        var end = Unclosed ? End : End - 1;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ',')) end--;
        return end > start ? new TextRange(start, end) : null;
    }

    public bool Contains(int position) => position >= Open && position < End;
}

/// <summary>A half-open range of a paragraph's text.</summary>
internal readonly record struct TextRange(int Start, int End)
{
    public string Of(string text) => text[Start..End];

    /// <summary>The range's characters, read in place.</summary>
    public ReadOnlySpan<char> SpanOf(string text) => text.AsSpan(Start, End - Start);
}
