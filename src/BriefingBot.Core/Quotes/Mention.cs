namespace BriefingBot.Quotes;

/// <summary>What a capitalised phrase of an article names.</summary>
internal enum MentionKind
{
    /// <summary>A full personal name of two or more words ("Xi Jinping", "Kenneth Waltz", "Donald J. Trump").</summary>
    FullName,

    /// <summary>One capitalised word that may be a surname or given name used alone ("Wu", "President Xi").</summary>
    SingleName,

    /// <summary>A named organisation ("Ministry of Foreign Affairs").</summary>
    Organisation,
}

/// <summary>
/// A name found in a paragraph outside its quotes, spanning words [<paramref name="FirstWord"/>,
/// <paramref name="LastWord"/>] of the paragraph's layout; <paramref name="LeadWord"/> is where the phrase began,
/// titles included ("Chinese President Xi Jinping" leads at "Chinese", names from "Xi").
/// </summary>
/// <param name="Name">The name as written, titles stripped, spaces collapsed, possessive removed.</param>
/// <param name="Titled">A title or honorific stood before it ("President", "Dr.").</param>
/// <param name="PersonEvidence">The context says this is a person: a title, a role noun ("scholar X"), an
/// appositive ("X, a professor"), a year or an alias in parentheses, a say-verb.</param>
/// <param name="Alias">Another name given in parentheses right after it ("Gao Zhikai (Victor Gao)").</param>
/// <param name="Roles">Lowercase words describing the person there: its title, a role noun before it, the start
/// of an appositive after it ("premier", "professor", "spokesperson").</param>
internal sealed record Mention(
    int Paragraph,
    int LeadWord,
    int FirstWord,
    int LastWord,
    int Start,
    int End,
    MentionKind Kind,
    string Name,
    bool Possessive,
    bool Titled,
    bool PersonEvidence,
    string? Alias,
    IReadOnlyList<string> Roles)
{
    /// <summary>Reading-order position in the article.</summary>
    public long Position => Paragraph * 1_000_000L + Start;
}
