namespace BriefingBot.Quotes;

/// <summary>What <see cref="QuotationExtractor"/> finds in one article.</summary>
/// <param name="Quotations">Direct and reported quotations, in reading order (<see cref="Quotation.Order"/> 0, 1, …).</param>
/// <param name="People">The people and organisations the quotations are attributed to, first-quoted first.</param>
public sealed record ArticleQuotations(IReadOnlyList<Quotation> Quotations, IReadOnlyList<Person> People);
