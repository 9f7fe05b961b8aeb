using System.Text.Json;
using BriefingBot.Corpus;
using BriefingBot.Quotes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace BriefingBot.Search;

/// <summary>Writes one complete index generation into an empty folder.</summary>
internal static class GenerationWriter
{
    /// <param name="previous">The catalog being replaced: unchanged articles keep their first-indexed time.</param>
    public static IndexMeta Write(string folder, IndexContent content, IndexCatalog previous, DateTimeOffset now)
    {
        using var directory = FSDirectory.Open(folder);
        using var analyzer = Fields.CreateAnalyzer();
        var config = new IndexWriterConfig(Fields.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(directory, config);

        var passages = 0;
        foreach (var article in content.Corpus.Articles)
        {
            var hash = ArticleHash.Of(article);
            var indexedAt = previous.Articles.TryGetValue(article.Id, out var known) && known.ContentHash == hash
                ? known.IndexedAt
                : now;
            writer.AddDocument(JsonDocument(Fields.TypeArticle, new IndexedArticle(article.Ref, hash, indexedAt)));
            foreach (var passage in Passages.Of(article))
            {
                writer.AddDocument(PassageDocument(passage));
                passages++;
            }
        }
        foreach (var person in content.People) writer.AddDocument(JsonDocument(Fields.TypePerson, person));
        foreach (var milestone in content.Milestones) writer.AddDocument(MilestoneDocument(milestone));

        var contexts = content.Corpus.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var quotation in content.Quotations)
            writer.AddDocument(QuotationDocument(quotation, contexts[quotation.Article.Id].GetParagraph(quotation.Paragraph)));

        var meta = new IndexMeta(content.Corpus.Fingerprint, now, passages, content.Quotations.Count);
        writer.AddDocument(JsonDocument(Fields.TypeMeta, meta));
        writer.Commit();
        return meta;
    }

    private static Document PassageDocument(Passage passage) =>
    [
        new StringField(Fields.Type, Fields.TypePassage, Field.Store.NO),
        new StringField(Fields.ArticleId, passage.ArticleId, Field.Store.YES),
        new StoredField(Fields.Paragraph, passage.Paragraph),
        new TextField(Fields.Body, passage.Text, Field.Store.NO),
        new StoredField(Fields.Text, passage.Text),
    ];

    private static Document QuotationDocument(Quotation quotation, Paragraph paragraph)
    {
        var doc = JsonDocument(Fields.TypeQuotation, quotation);
        doc.Add(new StringField(Fields.ArticleId, quotation.Article.Id, Field.Store.NO));
        doc.Add(new TextField(Fields.Body, quotation.Text, Field.Store.NO));
        doc.Add(new TextField(Fields.Context, SentencesAround(paragraph, quotation.Text), Field.Store.NO));
        if (quotation.Speaker is not null)
            doc.Add(new StringField(Fields.Speaker, SpeakerKey(quotation.Speaker), Field.Store.NO));
        return doc;
    }

    private static Document MilestoneDocument(Timeline.Milestone milestone)
    {
        var doc = JsonDocument(Fields.TypeMilestone, milestone);
        doc.Add(new StringField(Fields.Id, milestone.Id, Field.Store.NO));
        doc.Add(new StringField(Fields.Kind, milestone.Kind.ToString().ToLowerInvariant(), Field.Store.NO));
        doc.Add(new TextField(Fields.Body, milestone.Label + "\n" + milestone.Source, Field.Store.NO));
        return doc;
    }

    /// <summary>The exact-match key of a speaker's canonical name.</summary>
    public static string SpeakerKey(string canonicalName) => canonicalName.Trim().ToLowerInvariant();

    private static string SentencesAround(Paragraph paragraph, string quote)
    {
        var at = paragraph.Text.IndexOf(quote, StringComparison.Ordinal);
        if (at < 0) return paragraph.Text;
        var end = at + quote.Length;
        return string.Join(' ', paragraph.Sentences
            .Where(s => s.Start < end && s.Start + s.Text.Length > at)
            .Select(s => s.Text));
    }

    private static Document JsonDocument<T>(string type, T value) =>
    [
        new StringField(Fields.Type, type, Field.Store.YES),
        new StoredField(Fields.Json, JsonSerializer.Serialize(value, IndexJson.Options)),
    ];
}
