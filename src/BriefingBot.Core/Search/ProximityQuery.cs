using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace BriefingBot.Search;

/// <summary>
/// BM25 over a question's terms in one field, plus a proximity score for each pair of adjacent terms found near each
/// other: what a <see cref="BooleanQuery"/> of one <see cref="TermQuery"/> per term and one sloppy
/// <see cref="PhraseQuery"/> per adjacent pair scores (same similarity, statistics and slop arithmetic), in one pass.
/// That Boolean query walks each term's postings once for the term and again for each phrase it is part of (three times
/// for most terms); this reads them once and looks at positions only where both terms of a pair occur.
/// </summary>
/// <remarks>
/// Scores match the Boolean query's to the last bit or two: the clause scores are the same floats, added in clause
/// order rather than in the Boolean scorer's order. <see cref="Query.Boost"/> is the field's weight.
/// </remarks>
internal sealed class ProximityQuery : Query
{
    private readonly string field;
    private readonly Term[] terms;
    private readonly Term[] extraTerms;
    private readonly float proximityBoost;
    private readonly int slop;

    /// <param name="terms">Distinct analysed terms in question order; each adjacent pair is also scored for proximity.</param>
    /// <param name="extraTerms">Terms scored alone, never in a pair (acronyms).</param>
    /// <param name="proximityBoost">A pair's boost relative to a term's.</param>
    /// <param name="slop">How far apart (in positions, as <see cref="PhraseQuery.Slop"/>) a pair may be and still count.</param>
    public ProximityQuery(string field, IReadOnlyList<string> terms, IReadOnlyList<string> extraTerms, float proximityBoost, int slop)
    {
        this.field = field;
        this.terms = terms.Select(t => new Term(field, t)).ToArray();
        this.extraTerms = extraTerms.Select(t => new Term(field, t)).ToArray();
        this.proximityBoost = proximityBoost;
        this.slop = slop;
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new ProximityWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> queryTerms)
    {
        queryTerms.UnionWith(terms);
        queryTerms.UnionWith(extraTerms);
    }

    public override string ToString(string field) =>
        $"proximity({string.Join(' ', terms.Select(t => t.Text))}{(extraTerms.Length > 0 ? " + " + string.Join(' ', extraTerms.Select(t => t.Text)) : "")})~{slop}^{proximityBoost}"
        + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is ProximityQuery other && GetType() == other.GetType() && Boost.Equals(other.Boost) && field == other.field
        && terms.SequenceEqual(other.terms) && extraTerms.SequenceEqual(other.extraTerms)
        && proximityBoost.Equals(other.proximityBoost) && slop == other.slop;

    public override int GetHashCode() =>
        HashCode.Combine(Boost, field, terms.Length == 0 ? 0 : terms[0].GetHashCode(), terms.Length, extraTerms.Length, proximityBoost, slop);

    /// <summary>All terms of the query in slot order: the paired terms, then the extra ones.</summary>
    private IEnumerable<Term> Slots => terms.Concat(extraTerms);

    private sealed class ProximityWeight : Weight
    {
        private readonly ProximityQuery query;
        private readonly Similarity similarity;
        private readonly TermContext[] states;
        private readonly Similarity.SimWeight[] termWeights;
        private readonly Similarity.SimWeight[] pairWeights;

        public ProximityWeight(ProximityQuery query, IndexSearcher searcher)
        {
            this.query = query;
            similarity = searcher.Similarity;
            var collection = searcher.CollectionStatistics(query.field);
            var slots = query.Slots.ToArray();
            states = new TermContext[slots.Length];
            var statistics = new TermStatistics[slots.Length];
            termWeights = new Similarity.SimWeight[slots.Length];
            for (var i = 0; i < slots.Length; i++)
            {
                states[i] = TermContext.Build(searcher.TopReaderContext, slots[i]);
                statistics[i] = searcher.TermStatistics(slots[i], states[i]);
                termWeights[i] = similarity.ComputeWeight(query.Boost, collection, statistics[i]);
            }
            // As a PhraseQuery of the pair weighs it: the pair's boost, the two terms' statistics in phrase order.
            pairWeights = new Similarity.SimWeight[Math.Max(0, query.terms.Length - 1)];
            for (var i = 0; i < pairWeights.Length; i++)
                pairWeights[i] = similarity.ComputeWeight(query.Boost * query.proximityBoost, collection, statistics[i], statistics[i + 1]);
        }

        public override Query Query => query;

        public override float GetValueForNormalization() =>
            termWeights.Concat(pairWeights).Sum(w => w.GetValueForNormalization());

        public override void Normalize(float norm, float topLevelBoost)
        {
            foreach (var weight in termWeights.Concat(pairWeights)) weight.Normalize(norm, topLevelBoost);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var fieldTerms = context.AtomicReader.GetTerms(query.field);
            if (fieldTerms is null) return null;
            var termsEnum = fieldTerms.GetEnumerator();
            var paired = query.terms.Length;
            var postings = new DocsEnum?[states.Length];
            var scorers = new Similarity.SimScorer?[states.Length];
            var slots = query.Slots.ToArray();
            var any = false;
            for (var i = 0; i < states.Length; i++)
            {
                if (states[i].Get(context.Ord) is not { } state) continue;
                termsEnum.SeekExact(slots[i].Bytes, state);
                postings[i] = i < paired
                    ? termsEnum.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE)
                        ?? throw new InvalidOperationException($"Field {query.field} was indexed without positions.")
                    : termsEnum.Docs(acceptDocs, null, DocsFlags.FREQS);
                scorers[i] = similarity.GetSimScorer(termWeights[i], context);
                any = true;
            }
            if (!any) return null;
            var pairScorers = new Similarity.SimScorer?[pairWeights.Length];
            for (var i = 0; i < pairScorers.Length; i++)
                if (postings[i] is not null && postings[i + 1] is not null)
                    pairScorers[i] = similarity.GetSimScorer(pairWeights[i], context);
            return new ProximityScorer(this, postings, scorers, pairScorers, query.slop);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            return scorer is not null && scorer.Advance(doc) == doc
                ? new Explanation(scorer.GetScore(), $"{query}: BM25 of {scorer.Freq} matching terms plus the proximity of adjacent pairs")
                : new ComplexExplanation(false, 0f, "no matching term");
        }
    }

    /// <summary>Walks the union of the terms' postings in document order.</summary>
    private sealed class ProximityScorer : Scorer
    {
        private readonly DocsEnum?[] postings;
        private readonly Similarity.SimScorer?[] scorers;
        private readonly Similarity.SimScorer?[] pairScorers;
        private readonly int slop;
        private readonly int[] docs;
        private readonly int[][] positions;
        private readonly int[] positionCounts;
        private readonly int[] positionsDoc;
        private int doc = -1;
        private int scoredDoc = -1;
        private float score;

        public ProximityScorer(Weight weight, DocsEnum?[] postings, Similarity.SimScorer?[] scorers, Similarity.SimScorer?[] pairScorers, int slop)
            : base(weight)
        {
            this.postings = postings;
            this.scorers = scorers;
            this.pairScorers = pairScorers;
            this.slop = slop;
            docs = postings.Select(p => p is null ? NO_MORE_DOCS : -1).ToArray();
            positions = postings.Select(_ => new int[8]).ToArray();
            positionCounts = new int[postings.Length];
            positionsDoc = postings.Select(_ => -1).ToArray();
        }

        public override int DocID => doc;

        public override int Freq
        {
            get
            {
                var matching = 0;
                foreach (var d in docs)
                    if (d == doc) matching++;
                return matching;
            }
        }

        public override int NextDoc()
        {
            if (doc == NO_MORE_DOCS) return doc;
            var next = NO_MORE_DOCS;
            for (var i = 0; i < docs.Length; i++)
            {
                if (docs[i] == doc) docs[i] = postings[i]!.NextDoc();
                if (docs[i] < next) next = docs[i];
            }
            return doc = next;
        }

        public override int Advance(int target)
        {
            var next = NO_MORE_DOCS;
            for (var i = 0; i < docs.Length; i++)
            {
                if (docs[i] < target) docs[i] = postings[i]!.Advance(target);
                if (docs[i] < next) next = docs[i];
            }
            return doc = next;
        }

        public override float GetScore()
        {
            if (scoredDoc == doc) return score;
            var sum = 0f;
            for (var i = 0; i < docs.Length; i++)
                if (docs[i] == doc) sum += scorers[i]!.Score(doc, postings[i]!.Freq);
            for (var i = 0; i < pairScorers.Length; i++)
            {
                if (docs[i] != doc || docs[i + 1] != doc) continue;
                var freq = PairFreq(i, pairScorers[i]!);
                if (freq > 0f) sum += pairScorers[i]!.Score(doc, freq);
            }
            scoredDoc = doc;
            return score = sum;
        }

        public override long GetCost() => postings.Sum(p => p?.GetCost() ?? 0);

        /// <summary>
        /// The sloppy frequency <see cref="PhraseQuery"/> gives the pair (slot <paramref name="first"/>, the next slot)
        /// in the current document: the same walk as Lucene's sloppy phrase scorer for two distinct terms. A position
        /// is counted relative to the term's place in the pair (0 or 1); the lesser of the two moves on until it passes
        /// the other, each closest approach within the slop scoring 1/(distance + 1).
        /// </summary>
        private float PairFreq(int first, Similarity.SimScorer pairScorer)
        {
            var a = Positions(first);
            var b = Positions(first + 1);
            var countA = positionCounts[first];
            var countB = positionCounts[first + 1];
            // Cursor 0 walks the first term (offset 0), cursor 1 the second (offset 1).
            int indexA = 0, indexB = 0;
            int positionA = a[0], positionB = b[0] - 1;
            var end = Math.Max(positionA, positionB);
            var current = positionA <= positionB ? 0 : 1;
            var matchLength = end - (current == 0 ? positionA : positionB);
            var next = current == 0 ? positionB : positionA;
            var freq = 0f;
            while (true)
            {
                int moved;
                if (current == 0)
                {
                    if (++indexA >= countA) break;
                    moved = positionA = a[indexA];
                }
                else
                {
                    if (++indexB >= countB) break;
                    moved = positionB = b[indexB] - 1;
                }
                if (moved > end) end = moved;
                if (moved > next)
                {
                    if (matchLength <= slop) freq += pairScorer.ComputeSlopFactor(matchLength);
                    // Back into the two-element queue, and the lesser (by position, then offset) out again.
                    current = positionA <= positionB ? 0 : 1;
                    next = current == 0 ? positionB : positionA;
                    matchLength = end - (current == 0 ? positionA : positionB);
                }
                else if (end - moved < matchLength)
                {
                    matchLength = end - moved;
                }
            }
            if (matchLength <= slop) freq += pairScorer.ComputeSlopFactor(matchLength);
            return freq;
        }

        /// <summary>The positions of slot <paramref name="slot"/>'s term in the current document, read once per document.</summary>
        private int[] Positions(int slot)
        {
            if (positionsDoc[slot] == doc) return positions[slot];
            var enumerator = (DocsAndPositionsEnum)postings[slot]!;
            var count = enumerator.Freq;
            if (positions[slot].Length < count) positions[slot] = new int[Math.Max(count, positions[slot].Length * 2)];
            var buffer = positions[slot];
            for (var i = 0; i < count; i++) buffer[i] = enumerator.NextPosition();
            positionCounts[slot] = count;
            positionsDoc[slot] = doc;
            return buffer;
        }
    }
}
