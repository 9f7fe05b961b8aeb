using System.Text.Json;
using System.Text.Json.Serialization;
using BriefingBot.Quotes;
using BriefingBot.Timeline;

namespace BriefingBot.Search;

/// <summary>
/// The catalog of a generation as one JSON file beside its Lucene shards. Loaded whole whenever a generation opens
/// (every CLI call, every switch): one sequential read, where catalog documents kept in Lucene were each a
/// decompression of the stored-field block around them.
/// </summary>
internal static class CatalogFile
{
    /// <summary>Versioned name: a generation written in an older layout has no such file and reads as absent.</summary>
    public const string Name = "catalog.v4.json";

    public static void Write(string folder, IndexCatalog catalog)
    {
        var stored = new StoredCatalog(
            catalog.Fingerprint, catalog.BuiltAt, catalog.Passages, catalog.Quotations,
            [.. catalog.Articles.Values], catalog.People, [.. catalog.Milestones.Select(StoredMilestone.From)]);
        using var file = File.Create(Path.Combine(folder, Name));
        JsonSerializer.Serialize(file, stored, IndexJsonContext.Default.StoredCatalog);
    }

    /// <exception cref="IndexLayoutException">The folder holds no whole catalog in this layout.</exception>
    public static IndexCatalog Read(string folder)
    {
        var path = Path.Combine(folder, Name);
        if (!File.Exists(path)) throw new IndexLayoutException(folder);
        using var file = File.OpenRead(path);
        StoredCatalog? stored;
        try
        {
            stored = JsonSerializer.Deserialize(file, IndexJsonContext.Default.StoredCatalog);
        }
        catch (JsonException e)
        {
            // Cut short or damaged (a power cut before the page cache reached the disk: the file is not synced, which
            // cost 4 % of every build): rebuilt from the corpus, as an index of another version is.
            throw new IndexLayoutException(folder, e);
        }
        if (stored is null) throw new IndexLayoutException(folder);
        var articles = stored.Articles.ToDictionary(a => a.Ref.Id, StringComparer.Ordinal);
        return new IndexCatalog(
            stored.Fingerprint, stored.BuiltAt, articles,
            stored.People, [.. stored.Milestones.Select(m => m.In(articles))], stored.Passages, stored.Quotations);
    }
}

/// <summary>The catalog file's content.</summary>
internal sealed record StoredCatalog(
    string Fingerprint,
    DateTimeOffset BuiltAt,
    int Passages,
    int Quotations,
    IReadOnlyList<IndexedArticle> Articles,
    IReadOnlyList<Person> People,
    IReadOnlyList<StoredMilestone> Milestones);

/// <summary>
/// A milestone as the catalog file stores it: the article by id only, its citation being in the same file's article
/// list. Repeated in every milestone, the citations were most of the file (17 of 20 MB at 10,000 articles), and read
/// back they were a copy of each title and author per milestone in memory.
/// </summary>
internal sealed record StoredMilestone(
    string Id, DateOnly Date, DatePrecision Precision, string Label, MilestoneKind Kind, string Source, string ArticleId, int Paragraph,
    string? SupersededBy)
{
    public static StoredMilestone From(Milestone m) =>
        new(m.Id, m.Date, m.Precision, m.Label, m.Kind, m.Source, m.Article.Id, m.Paragraph, m.SupersededBy);

    public Milestone In(IReadOnlyDictionary<string, IndexedArticle> articles) =>
        new(Id, Date, Precision, Label, Kind, Source, articles[ArticleId].Ref, Paragraph, SupersededBy);
}

/// <summary>An index generation folder this version cannot read (written by an older version, or damaged).</summary>
public sealed class IndexLayoutException(string folder, Exception? cause = null)
    : Exception($"The index generation {folder} was written by another version of BriefingBot, or is incomplete or damaged.", cause);

/// <summary>
/// Serialisation code generated at build time for what the index stores: opening a generation reads the whole catalog,
/// and a one-shot CLI call would otherwise spend its time building serialisers by reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StoredCatalog))]
[JsonSerializable(typeof(StoredQuotation))]
internal sealed partial class IndexJsonContext : JsonSerializerContext;
