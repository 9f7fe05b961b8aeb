using BriefingBot.Corpus;
using BriefingBot.Quotes;

namespace BriefingBot.Search;

/// <summary>
/// A quotation as its index document stores it: the article by id only. The article's title, author, date and file
/// are in the generation's catalog; repeated in every quotation they were half of each stored quotation, written,
/// compressed and read back with it.
/// </summary>
internal sealed record StoredQuotation(string Text, string? Speaker, QuotationKind Kind, string ArticleId, int Paragraph, int Order)
{
    public static StoredQuotation From(Quotation quotation) =>
        new(quotation.Text, quotation.Speaker, quotation.Kind, quotation.Article.Id, quotation.Paragraph, quotation.Order);

    /// <param name="catalog">The catalog of the generation the quotation was read from, which lists its article.</param>
    public Quotation In(IndexCatalog catalog) =>
        new(Text, Speaker, Kind, catalog.Articles[ArticleId].Ref, Paragraph, Order);
}
