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

        var passageFields = new PassageFields();
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
                writer.AddDocument(passageFields.For(passage));
                passages++;
            }
        }
        foreach (var person in content.People) writer.AddDocument(JsonDocument(Fields.TypePerson, person));
        foreach (var milestone in content.Milestones) writer.AddDocument(MilestoneDocument(milestone));

        var contexts = content.Corpus.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var quotationFields = new QuotationFields();
        foreach (var quotation in content.Quotations)
            writer.AddDocument(quotationFields.For(quotation, contexts[quotation.Article.Id].GetParagraph(quotation.Paragraph)));

        var meta = new IndexMeta(content.Corpus.Fingerprint, now, passages, content.Quotations.Count);
        writer.AddDocument(JsonDocument(Fields.TypeMeta, meta));
        writer.Commit();
        return meta;
    }

    /// <summary>
    /// A passage document whose fields are made once and refilled for every passage. Lucene reads a document's values
    /// while adding it, and a field keeps the token stream it made for its first document: making one per document
    /// was a large share of the write (passages and quotations are most of the index).
    /// </summary>
    private sealed class PassageFields
    {
        private readonly StringField articleId = new(Fields.ArticleId, "", Field.Store.YES);
        private readonly StoredField paragraph = new(Fields.Paragraph, 0);
        private readonly TextField body = new(Fields.Body, "", Field.Store.NO);
        private readonly StoredField text = new(Fields.Text, "");
        private readonly Document document;

        public PassageFields() =>
            document = [new StringField(Fields.Type, Fields.TypePassage, Field.Store.NO), articleId, paragraph, body, text];

        public Document For(Passage passage)
        {
            articleId.SetStringValue(passage.ArticleId);
            paragraph.SetInt32Value(passage.Paragraph);
            body.SetStringValue(passage.Text);
            text.SetStringValue(passage.Text);
            return document;
        }
    }

    /// <summary>A quotation document refilled for every quotation, as <see cref="PassageFields"/>; the speaker field only when there is a speaker.</summary>
    private sealed class QuotationFields
    {
        private readonly StoredField json = new(Fields.Json, "");
        private readonly StringField articleId = new(Fields.ArticleId, "", Field.Store.NO);
        private readonly TextField body = new(Fields.Body, "", Field.Store.NO);
        private readonly TextField context = new(Fields.Context, "", Field.Store.NO);
        private readonly StringField speaker = new(Fields.Speaker, "", Field.Store.NO);
        private readonly Document anonymous;
        private readonly Document attributed;

        public QuotationFields()
        {
            var type = new StringField(Fields.Type, Fields.TypeQuotation, Field.Store.YES);
            anonymous = [type, json, articleId, body, context];
            attributed = [type, json, articleId, body, context, speaker];
        }

        public Document For(Quotation quotation, Paragraph paragraph)
        {
            json.SetStringValue(JsonSerializer.Serialize(quotation, IndexJson.Options));
            articleId.SetStringValue(quotation.Article.Id);
            body.SetStringValue(quotation.Text);
            context.SetStringValue(SentencesAround(paragraph, quotation.Text));
            if (quotation.Speaker is null) return anonymous;
            speaker.SetStringValue(SpeakerKey(quotation.Speaker));
            return attributed;
        }
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
