using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace BriefingBot.Search;

/// <summary>
/// Restricts a query to one document type (passages, quotations) with a bit set per segment, built on first use and
/// cached for the segment's life. The query then tests one bit per candidate instead of leapfrogging a second postings
/// list that holds most of the index, which was a large share of every question's time.
/// </summary>
internal sealed class TypeFilter(string type) : CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(Fields.Type, type))))
{
    private static readonly FilteredQuery.FilterStrategy RandomAccess = new AlwaysRandomAccess();

    /// <summary><paramref name="query"/>, matching documents of this type only (scores unchanged).</summary>
    public Query Restrict(Query query) => new FilteredQuery(query, this, RandomAccess);

    /// <summary>A bit set rather than the default compressed set: it offers the random access <see cref="RandomAccess"/> needs.</summary>
    protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        bits.Or(iterator);
        return bits;
    }

    /// <summary>Random access however sparse the type: the default falls back to leapfrogging when a segment's first document of the type is not among its first hundred.</summary>
    private sealed class AlwaysRandomAccess : FilteredQuery.RandomAccessFilterStrategy
    {
        protected override bool UseRandomAccess(IBits bits, int firstFilterDoc) => true;
    }
}
