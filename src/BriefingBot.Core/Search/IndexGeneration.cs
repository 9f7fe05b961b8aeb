using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using FileSwitchDirectory = Lucene.Net.Store.FileSwitchDirectory;
using MMapDirectory = Lucene.Net.Store.MMapDirectory;
using NIOFSDirectory = Lucene.Net.Store.NIOFSDirectory;
using BufferedIndexInput = Lucene.Net.Store.BufferedIndexInput;
using IndexInput = Lucene.Net.Store.IndexInput;
using IOContext = Lucene.Net.Store.IOContext;

namespace BriefingBot.Search;

/// <summary>
/// One immutable, fully built index folder, open for queries: its catalog in memory and its shards behind one
/// searcher. The reader is reference-counted, so snapshots still answering when a newer generation replaces this one
/// finish on it before its files close.
/// </summary>
internal sealed class IndexGeneration : IDisposable
{
    private readonly IndexReader reader;
    private readonly IndexSearcher searcher;

    private IndexGeneration(string folder, IndexReader reader, IndexCatalog catalog)
    {
        Folder = folder;
        this.reader = reader;
        // BM25 on the read side too: Lucene.Net's searcher defaults to TF-IDF whatever the writer used.
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        Catalog = catalog;
    }

    public string Folder { get; }

    public IndexCatalog Catalog { get; }

    /// <exception cref="IndexLayoutException">The folder is not a generation in this version's layout.</exception>
    public static IndexGeneration Open(string folder) => Open(folder, CatalogFile.Read(folder));

    /// <param name="catalog">The generation's catalog, already in memory because it has just been written.</param>
    /// <exception cref="IndexLayoutException">The folder is not a generation in this version's layout.</exception>
    public static IndexGeneration Open(string folder, IndexCatalog catalog)
    {
        var shards = new List<DirectoryReader>();
        try
        {
            foreach (var shard in GenerationWriter.Shards)
            {
                var path = Path.Combine(folder, shard);
                if (!System.IO.Directory.Exists(path)) throw new IndexLayoutException(folder);
                shards.Add(OpenShard(folder, path));
            }
            return new IndexGeneration(folder, new MultiReader([.. shards], closeSubReaders: true), catalog);
        }
        catch
        {
            foreach (var shard in shards) shard.Dispose();
            throw;
        }
    }

    /// <exception cref="IndexLayoutException">A file of the shard is missing or damaged: no commit, a file not found,
    /// cut short or failing its checksum. Other I/O errors (too many open files, say) are not the index's fault and
    /// are left to surface as they are, rather than cost a rebuild.</exception>
    private static DirectoryReader OpenShard(string generation, string path)
    {
        try
        {
            return DirectoryReader.Open(ShardDirectory(path));
        }
        catch (Exception e) when (e is FileNotFoundException or CorruptIndexException or EndOfStreamException)
        {
            throw new IndexLayoutException(generation, e);
        }
    }

    /// <summary>
    /// Stored fields through buffered file reads, everything else (postings, norms) memory-mapped. Lucene.Net's memory
    /// mapping reads stored fields a byte at a time through a safe handle (loading a passage's text cost several times
    /// more that way), while buffered reads refill a 1 KB buffer with a system call, which made walking postings half
    /// of a free-text question's time.
    /// </summary>
    private static FileSwitchDirectory ShardDirectory(string path) =>
        new(StoredFieldExtensions, new StoredFieldsDirectory(path), new MMapDirectory(path), doClose: true);

    /// <summary>The stored-field files of the default codec (data and index).</summary>
    private static readonly ISet<string> StoredFieldExtensions = new HashSet<string>(StringComparer.Ordinal) { "fdt", "fdx" };

    /// <summary>
    /// Buffered reads in blocks of a compressed stored-field chunk's size (16 KB in the default codec), not Lucene's
    /// 1 KB: loading a document decompresses its chunk up to the document, which took a system call per kilobyte.
    /// </summary>
    private sealed class StoredFieldsDirectory(string path) : NIOFSDirectory(path)
    {
        private const int BufferBytes = 16 * 1024;

        public override IndexInput OpenInput(string name, IOContext context)
        {
            var input = base.OpenInput(name, context);
            if (input is BufferedIndexInput buffered) buffered.SetBufferSize(BufferBytes);
            return input;
        }
    }

    /// <summary>
    /// Keeps this generation's files open until <see cref="Release"/>, whenever it is retired meanwhile; false when it
    /// has already been closed.
    /// </summary>
    public bool TryHold() => reader.TryIncRef();

    /// <summary>Lets go of a <see cref="TryHold"/>; the files close with the last holder once the generation is retired.</summary>
    public void Release() => reader.DecRef();

    /// <summary>Runs <paramref name="search"/> on this generation, which the caller holds (<see cref="TryHold"/>).</summary>
    /// <param name="search">Given this generation's searcher and its catalog.</param>
    public T Search<T>(Func<IndexSearcher, IndexCatalog, T> search) => search(searcher, Catalog);

    /// <summary>Retires the generation: its files close now, or when the last holder releases it.</summary>
    public void Dispose() => reader.Dispose();
}
