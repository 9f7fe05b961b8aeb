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
    public const string Name = "catalog.v3.json";

    public static void Write(string folder, IndexCatalog catalog)
    {
        var stored = new StoredCatalog(
            catalog.Fingerprint, catalog.BuiltAt, catalog.Passages, catalog.Quotations,
            [.. catalog.Articles.Values], catalog.People, catalog.Milestones);
        using var file = File.Create(Path.Combine(folder, Name));
        JsonSerializer.Serialize(file, stored, IndexJsonContext.Default.StoredCatalog);
    }

    /// <exception cref="IndexLayoutException">The folder holds no catalog in this layout.</exception>
    public static IndexCatalog Read(string folder)
    {
        var path = Path.Combine(folder, Name);
        if (!File.Exists(path)) throw new IndexLayoutException(folder);
        using var file = File.OpenRead(path);
        var stored = JsonSerializer.Deserialize(file, IndexJsonContext.Default.StoredCatalog) ?? throw new IndexLayoutException(folder);
        return new IndexCatalog(
            stored.Fingerprint, stored.BuiltAt,
            stored.Articles.ToDictionary(a => a.Ref.Id, StringComparer.Ordinal),
            stored.People, stored.Milestones, stored.Passages, stored.Quotations);
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
    IReadOnlyList<Milestone> Milestones);

/// <summary>An index generation folder this version cannot read (written by an older version, or damaged).</summary>
public sealed class IndexLayoutException(string folder)
    : Exception($"The index generation {folder} was written by another version of BriefingBot or is incomplete.");

/// <summary>
/// Serialisation code generated at build time for what the index stores: opening a generation reads the whole catalog,
/// and a one-shot CLI call would otherwise spend its time building serialisers by reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StoredCatalog))]
[JsonSerializable(typeof(StoredQuotation))]
internal sealed partial class IndexJsonContext : JsonSerializerContext;
