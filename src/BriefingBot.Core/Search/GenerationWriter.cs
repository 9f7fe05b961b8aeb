using System.Text;
using System.Text.Json;
using BriefingBot.Corpus;
using BriefingBot.Quotes;
using BriefingBot.Timeline;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace BriefingBot.Search;

/// <summary>
/// Writes one complete index generation into an empty folder: the catalog file and a Lucene shard per document family,
/// each written by its own writer as soon as its input is ready: the passages at once (they need only the corpus), the
/// quotations while the timeline is still being read, the milestones last.
/// </summary>
/// <remarks>
/// Every query is restricted to one document type, so splitting the families changes no score (the searcher sums
/// term statistics over the shards) and no tie order (each family keeps its order within its shard), while the Lucene
/// write, the largest part of a build, overlaps the analysis on every core instead of following it on one. The
/// passages, half of the write, are split again in two by the corpus's text, written side by side: one writer alone
/// was the last second of a build, on one core. The shards are read in order, so the passages stay in corpus order.
/// </remarks>
internal static class GenerationWriter
{
    /// <summary>The passages of every article, in corpus order: the first half of the corpus's text, then the rest.</summary>
    public static IReadOnlyList<string> PassageShards { get; } = ["passages-1", "passages-2"];

    /// <summary>Quotations, in the order the analysis produced them.</summary>
    public const string QuotationShard = "quotations";

    /// <summary>Milestones, in timeline order.</summary>
    public const string MilestoneShard = "milestones";

    public static IReadOnlyList<string> Shards { get; } = [.. PassageShards, QuotationShard, MilestoneShard];

    /// <param name="quotations">May still be running, as may <paramref name="milestones"/>.</param>
    /// <param name="previous">The catalog being replaced: unchanged articles keep their first-indexed time.</param>
    public static async Task<IndexCatalog> WriteAsync(
        string folder,
        CorpusSnapshot corpus,
        Task<QuotationAnalysis> quotations,
        Task<IReadOnlyList<Milestone>> milestones,
        IndexCatalog previous,
        DateTimeOffset now)
    {
        var passages = SplitByText(corpus.Articles, PassageShards.Count)
            .Select((part, i) => BuildThread.Run(() => WriteShard(Path.Combine(folder, PassageShards[i]), PassageDocuments(part))))
            .ToList();
        var quoted = WriteWhenReadyAsync(Path.Combine(folder, QuotationShard), quotations, q => QuotationDocuments(corpus, q));
        var dated = WriteWhenReadyAsync(Path.Combine(folder, MilestoneShard), milestones, MilestoneDocuments);
        var catalog = WriteCatalogAsync();
        // Every writer finishes, failed or not, before the caller may delete the folder.
        await Task.WhenAll([.. passages, quoted, dated, catalog]);
        return await catalog;

        // Written as soon as the analysis is done, while the shards are still being written: after them, it was the
        // single-threaded end of every build (two seconds at 100k articles).
        async Task<IndexCatalog> WriteCatalogAsync()
        {
            var (found, timeline) = (await quotations.ConfigureAwait(false), await milestones.ConfigureAwait(false));
            return await BuildThread.Run(() =>
            {
                var articles = corpus.Articles.ToDictionary(a => a.Id, a => Indexed(a, previous, now), StringComparer.Ordinal);
                var written = new IndexCatalog(
                    corpus.Fingerprint, now, articles, found.People, timeline, corpus.Articles.Sum(Passages.CountOf), found.Quotations.Count);
                CatalogFile.Write(folder, written);
                return written;
            }).ConfigureAwait(false);
        }
    }

    private static async Task WriteWhenReadyAsync<T>(string folder, Task<T> input, Func<T, IEnumerable<Document>> documents)
    {
        var ready = await input.ConfigureAwait(false);
        await BuildThread.Run(() => WriteShard(folder, documents(ready))).ConfigureAwait(false);
    }

    private static IndexedArticle Indexed(Article article, IndexCatalog previous, DateTimeOffset now)
    {
        var indexedAt = previous.Articles.TryGetValue(article.Id, out var known) && known.ContentHash == article.ContentHash ? known.IndexedAt : now;
        return new IndexedArticle(article.Ref, article.ContentHash, indexedAt);
    }

    private static void WriteShard(string folder, IEnumerable<Document> documents)
    {
        using var directory = FSDirectory.Open(folder);
        using var analyzer = Fields.CreateAnalyzer();
        var config = new IndexWriterConfig(Fields.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
            // Written once and never updated: a compound file would only copy every segment file once more.
            UseCompoundFile = false,
        };
        using var writer = new IndexWriter(directory, config);
        foreach (var document in documents)
            writer.AddDocument(document);
        writer.Commit();
    }

    /// <summary><paramref name="parts"/> runs of consecutive articles with about as much paragraph text each.</summary>
    internal static IReadOnlyList<IReadOnlyList<Article>> SplitByText(IReadOnlyList<Article> articles, int parts)
    {
        var total = articles.Sum(TextLength);
        var split = new List<IReadOnlyList<Article>>(parts);
        var (start, done) = (0, 0L);
        for (var part = 1; part < parts; part++)
        {
            var end = start;
            while (end < articles.Count && done * parts < total * part) done += TextLength(articles[end++]);
            split.Add(articles.Skip(start).Take(end - start).ToList());
            start = end;
        }
        split.Add(articles.Skip(start).ToList());
        return split;
    }

    private static long TextLength(Article article) => article.Paragraphs.Sum(p => (long)p.Text.Length);

    private static IEnumerable<Document> PassageDocuments(IEnumerable<Article> articles)
    {
        var fields = new PassageFields();
        foreach (var article in articles)
            foreach (var passage in Passages.Of(article))
                yield return fields.For(passage);
    }

    private static IEnumerable<Document> QuotationDocuments(CorpusSnapshot corpus, QuotationAnalysis found)
    {
        var paragraphs = corpus.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var fields = new QuotationFields();
        foreach (var quotation in found.Quotations)
            yield return fields.For(quotation, paragraphs[quotation.Article.Id].GetParagraph(quotation.Paragraph));
    }

    private static IEnumerable<Document> MilestoneDocuments(IReadOnlyList<Milestone> milestones)
    {
        var fields = new MilestoneFields();
        foreach (var milestone in milestones)
            yield return fields.For(milestone);
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
        // The context is copied out of the paragraph here, sentence by sentence, into one string per quotation.
        private readonly StringBuilder around = new();
        private readonly Document anonymous;
        private readonly Document attributed;

        public QuotationFields()
        {
            var type = new StringField(Fields.Type, Fields.TypeQuotation, Field.Store.NO);
            anonymous = [type, json, articleId, body, context];
            attributed = [type, json, articleId, body, context, speaker];
        }

        public Document For(Quotation quotation, Paragraph paragraph)
        {
            json.SetStringValue(JsonSerializer.Serialize(StoredQuotation.From(quotation), IndexJsonContext.Default.StoredQuotation));
            articleId.SetStringValue(quotation.Article.Id);
            body.SetStringValue(quotation.Text);
            context.SetStringValue(SentencesAround(paragraph, quotation.Text));
            if (quotation.Speaker is null) return anonymous;
            speaker.SetStringValue(SpeakerKey(quotation.Speaker));
            return attributed;
        }

        private string SentencesAround(Paragraph paragraph, string quote)
        {
            var at = paragraph.Text.IndexOf(quote, StringComparison.Ordinal);
            if (at < 0) return paragraph.Text;
            var end = at + quote.Length;
            around.Clear();
            foreach (var sentence in paragraph.Sentences)
                if (sentence.Start < end && sentence.End > at)
                    (around.Length == 0 ? around : around.Append(' ')).Append(paragraph.SpanOf(sentence));
            return around.ToString();
        }
    }

    /// <summary>
    /// A milestone's searchable text and its id (the catalog holds the milestone itself), refilled for every milestone
    /// as <see cref="PassageFields"/>: a new exact-match field makes a new token stream, attributes and all.
    /// </summary>
    private sealed class MilestoneFields
    {
        private readonly StringField id = new(Fields.Id, "", Field.Store.YES);
        private readonly StringField kind = new(Fields.Kind, "", Field.Store.NO);
        private readonly TextField body = new(Fields.Body, "", Field.Store.NO);
        private readonly Document document;

        public MilestoneFields() =>
            document = [new StringField(Fields.Type, Fields.TypeMilestone, Field.Store.NO), id, kind, body];

        public Document For(Milestone milestone)
        {
            id.SetStringValue(milestone.Id);
            kind.SetStringValue(milestone.Kind.ToString().ToLowerInvariant());
            body.SetStringValue(milestone.Label + "\n" + milestone.Source);
            return document;
        }
    }

    /// <summary>The exact-match key of a speaker's canonical name.</summary>
    public static string SpeakerKey(string canonicalName) => canonicalName.Trim().ToLowerInvariant();

}
