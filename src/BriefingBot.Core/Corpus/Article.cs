namespace BriefingBot.Corpus;

/// <summary>
/// One article of the corpus after parsing: metadata (null when the text does not say it; never invented)
/// and the numbered body paragraphs. Page furniture (bylines, captions, "Print", "Tags:…") is not a paragraph.
/// </summary>
/// <param name="Id">Stable id: the file's path relative to the corpus folder, without extension, '/'-separated.</param>
/// <param name="File">The file's path relative to the corpus folder, '/'-separated (e.g. <c>004_2fd1f5ad02ed59b2.txt</c>).</param>
/// <param name="Paragraphs">Body paragraphs numbered from 1, in reading order.</param>
public sealed record Article(
    string Id,
    string File,
    string? Title,
    string? Author,
    DateOnly? Published,
    string? Url,
    IReadOnlyList<Paragraph> Paragraphs)
{
    /// <summary>The citation of this article: what answers, milestones and reminders carry.</summary>
    public ArticleRef Ref => new(Id, Title, Author, Published, File);

    /// <summary>
    /// Tells this article from an earlier version of it: the hash of its title, author, date and paragraphs. Worked
    /// out once, as the article is parsed (on every core), instead of twice per rebuild on one; a copy made with
    /// <c>with</c> keeps it, so change an article by parsing it again.
    /// </summary>
    public string ContentHash { get; } = ArticleHash.Of(Title, Author, Published, Paragraphs);

    /// <summary>The paragraph numbered <paramref name="number"/> (1-based).</summary>
    public Paragraph GetParagraph(int number) => Paragraphs[number - 1];
}

/// <summary>How an answer cites an article.</summary>
public sealed record ArticleRef(string Id, string? Title, string? Author, DateOnly? Published, string File);

/// <summary>
/// A body paragraph. <see cref="Text"/> is verbatim from the file (trimmed), so every quote taken from it
/// is a substring of the article.
/// </summary>
public sealed record Paragraph(int Number, string Text, IReadOnlyList<Sentence> Sentences)
{
    /// <summary>The text of one of this paragraph's sentences, as a new string.</summary>
    public string TextOf(Sentence sentence) => Text.Substring(sentence.Start, sentence.Length);

    /// <summary>The text of one of this paragraph's sentences, without copying it.</summary>
    public ReadOnlySpan<char> SpanOf(Sentence sentence) => Text.AsSpan(sentence.Start, sentence.Length);
}

/// <summary>
/// A sentence of a paragraph, as the range [<see cref="Start"/>, <see cref="End"/>) of its text. A range and not a
/// string of its own: the sentences live as long as the corpus, and copies of them would double the text the collector
/// carries from generation to generation; the few readers that need a string make it (<see cref="Paragraph.TextOf"/>).
/// </summary>
public readonly record struct Sentence(int Start, int Length)
{
    /// <summary>Where the sentence ends in its paragraph's text (exclusive).</summary>
    public int End => Start + Length;
}

/// <summary>A corpus file that could not be used, and why (binary, empty, invalid UTF-8, unreadable).</summary>
public sealed record CorpusWarning(string File, string Message);

/// <summary>
/// Everything read from a corpus folder at one moment.
/// </summary>
/// <param name="Fingerprint">Changes whenever a file is added, removed or modified; equal otherwise.</param>
public sealed record CorpusSnapshot(
    IReadOnlyList<Article> Articles,
    IReadOnlyList<CorpusWarning> Warnings,
    string Fingerprint);
