using BriefingBot.Corpus;
using BriefingBot.Quotes;

namespace BriefingBot.Search;

/// <summary>The quotations found in one corpus snapshot, with the people who said them (names merged across articles).</summary>
public sealed record QuotationAnalysis(IReadOnlyList<Quotation> Quotations, IReadOnlyList<Person> People);

/// <summary>An article as an index generation remembers it.</summary>
/// <param name="ContentHash">Hash of its metadata and body, to tell a changed article from an unchanged one.</param>
/// <param name="IndexedAt">When this content was first indexed (carried over while the article is unchanged).</param>
public sealed record IndexedArticle(ArticleRef Ref, string ContentHash, DateTimeOffset IndexedAt);

/// <summary>A search hit: a verbatim span of a paragraph.</summary>
/// <param name="Text">Verbatim: a substring of paragraph <paramref name="Paragraph"/>.</param>
public sealed record PassageHit(string ArticleId, int Paragraph, string Text, double Score);

/// <summary>A quotation found by the index, with its relevance to the question (0 when none was asked).</summary>
public sealed record QuotationHit(Quotation Quotation, double Score);
