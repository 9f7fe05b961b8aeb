namespace BriefingBot.Corpus;

/// <summary>
/// A fixed set of words or labels that every line (or every word of every line) of the corpus is looked up in.
/// A slice of a line is looked up as it stands, without becoming a string of its own; and since ordinal comparison,
/// with or without case, only equates texts of the same length, anything longer than the longest member is turned
/// away before it is hashed (a paragraph never is).
/// </summary>
internal sealed class WordSet : IEnumerable<string>
{
    private readonly HashSet<string> words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> members;
    private readonly int longest;

    public WordSet(bool ignoreCase, IEnumerable<string> words)
    {
        this.words = new HashSet<string>(words, ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        members = this.words.GetAlternateLookup<ReadOnlySpan<char>>();
        longest = this.words.Max(word => word.Length);
    }

    public bool Contains(ReadOnlySpan<char> text) => text.Length <= longest && members.Contains(text);

    public IEnumerator<string> GetEnumerator() => words.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>These words and <paramref name="more"/>, compared the same way.</summary>
    public WordSet With(IEnumerable<string> more) =>
        new(ReferenceEquals(words.Comparer, StringComparer.OrdinalIgnoreCase), words.Concat(more));
}
