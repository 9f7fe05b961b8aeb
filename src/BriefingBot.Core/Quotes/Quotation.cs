using BriefingBot.Corpus;

namespace BriefingBot.Quotes;

/// <summary>How a quotation reports a person's words.</summary>
public enum QuotationKind
{
    /// <summary>Their own words in quotation marks, attributed to them.</summary>
    Direct,

    /// <summary>A sentence reporting their words indirectly ("According to X, …", "X argued that …").</summary>
    Reported,
}

/// <summary>
/// A quotation found in an article.
/// </summary>
/// <param name="Text">Verbatim text, a substring of paragraph <paramref name="Paragraph"/> of the article
/// (for a quote that runs across paragraphs, one <see cref="Quotation"/> per paragraph).</param>
/// <param name="Speaker">Canonical name of the person it is attributed to; null for an unattributed quote.</param>
/// <param name="Order">Reading order within the article, from 0.</param>
public sealed record Quotation(
    string Text,
    string? Speaker,
    QuotationKind Kind,
    ArticleRef Article,
    int Paragraph,
    int Order);

/// <summary>
/// A person the corpus names as a speaker: one canonical name ("Gao Zhikai") and every other way the
/// corpus refers to them ("Victor Gao"). A bare surname is not an alias: two people may share it.
/// </summary>
public sealed record Person(string Name, IReadOnlyList<string> Aliases);
