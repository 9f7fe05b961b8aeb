namespace BriefingBot.Timeline;

/// <summary>
/// A fixed list of lower-case words, looked up by a span of the text being read (a word of a sentence, a slice of its
/// lower-cased copy) so that reading a word does not make a string of it.
/// </summary>
internal sealed class WordSet
{
    private readonly HashSet<string> words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public WordSet(IEnumerable<string> words)
    {
        this.words = new HashSet<string>(words, StringComparer.Ordinal);
        lookup = this.words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Contains(ReadOnlySpan<char> word) => lookup.Contains(word);

    /// <summary>These words and <paramref name="more"/>.</summary>
    public WordSet With(IEnumerable<string> more) => new(words.Concat(more));
}
