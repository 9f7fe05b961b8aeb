namespace BriefingBot.Quotes;

/// <summary>
/// A person named in a user's question (<see cref="PersonDirectory.FindIn"/>).
/// </summary>
/// <param name="Span">The name as the question writes it ("Victor Gao", "President Xi", "Olaf Scholz").</param>
/// <param name="People">Who it can be: one person; several when a bare surname is shared (the caller says the
/// name is ambiguous); none when the corpus never quotes anyone of that name (the caller says so, naming
/// <paramref name="Span"/>).</param>
public sealed record PersonMention(string Span, IReadOnlyList<Person> People)
{
    /// <summary>The name is one the corpus quotes.</summary>
    public bool IsKnown => People.Count > 0;

    /// <summary>The name fits more than one person (a shared surname).</summary>
    public bool IsAmbiguous => People.Count > 1;
}

/// <summary>
/// A free question that asks for somebody's words without the usual shape ("Tell me what Xi Jinping said about the
/// US", "Has Kissinger commented on cooperation?", "Zhao Minghao"): who, and what about (<see cref="PersonDirectory.FindWordsAskedOf"/>).
/// </summary>
/// <param name="Topic">The question's other content words, or null when it asks for everything they said.</param>
public sealed record WordsAskedOf(PersonMention Person, string? Topic);
