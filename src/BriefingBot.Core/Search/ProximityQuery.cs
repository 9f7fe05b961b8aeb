using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace BriefingBot.Search;

/// <summary>
/// BM25 over a question's terms in one or more fields, plus a proximity score for each pair of adjacent terms found
/// near each other: what a <see cref="BooleanQuery"/> of one <see cref="TermQuery"/> per term and one sloppy
/// <see cref="PhraseQuery"/> per adjacent pair scores (same similarity, statistics and slop arithmetic), in one pass.
/// That Boolean query walks each term's postings once for the term and again for each phrase it is part of (three times
/// for most terms); this reads them once and looks at positions only where both terms of a pair occur. Collected by
/// <see cref="TopHitsCollector"/>, it also learns the score the best hits so far set, and then passes over documents
/// that cannot reach it: those with only the weakest terms are never visited, and others are turned away on bounds
/// before their positions are read.
/// </summary>
/// <remarks>
/// Scores match the Boolean query's to the last bit or two: the clause scores are the same floats, added in clause
/// order rather than in the Boolean scorer's order.
/// </remarks>
internal sealed class ProximityQuery : Query
{
    private readonly Term[] slots;
    private readonly float[] slotWeights;
    private readonly bool[] slotPaired;
    private readonly bool[] slotLeads;
    private readonly (int First, int Second, float Weight)[] pairs;
    private readonly int slop;

    /// <param name="fields">Each field's part of the query.</param>
    /// <param name="proximityBoost">A pair's weight relative to its field's.</param>
    /// <param name="slop">How far apart (in positions, as <see cref="PhraseQuery.Slop"/>) a pair may be and still count.</param>
    /// <param name="bonuses">Terms that add to the score of a document the others match, but match nothing alone (as an
    /// optional clause beside this query as a required one).</param>
    public ProximityQuery(IReadOnlyList<FieldTerms> fields, float proximityBoost, int slop, IReadOnlyList<Bonus>? bonuses = null)
    {
        var slotList = new List<(Term Term, float Weight, bool Paired)>();
        var pairList = new List<(int, int, float)>();
        foreach (var part in fields)
        {
            var first = slotList.Count;
            slotList.AddRange(part.Terms.Select(t => (new Term(part.Field, t), part.Weight, part.Terms.Count > 1)));
            for (var i = first; i + 1 < slotList.Count; i++) pairList.Add((i, i + 1, part.Weight * proximityBoost));
            slotList.AddRange(part.ExtraTerms.Select(t => (new Term(part.Field, t), part.Weight, false)));
        }
        var leading = slotList.Count;
        slotList.AddRange((bonuses ?? []).Select(b => (new Term(b.Field, b.Term), b.Weight, false)));
        slots = slotList.Select(s => s.Term).ToArray();
        slotWeights = slotList.Select(s => s.Weight).ToArray();
        slotPaired = slotList.Select(s => s.Paired).ToArray();
        slotLeads = slotList.Select((_, i) => i < leading).ToArray();
        pairs = [.. pairList];
        this.slop = slop;
    }

    /// <summary>One field's part of the query.</summary>
    /// <param name="Weight">The boost of each term, as a <see cref="TermQuery"/>'s.</param>
    /// <param name="Terms">Distinct analysed terms in question order; each adjacent pair is also scored for proximity.</param>
    /// <param name="ExtraTerms">Terms scored alone, never in a pair (acronyms).</param>
    public sealed record FieldTerms(string Field, float Weight, IReadOnlyList<string> Terms, IReadOnlyList<string> ExtraTerms);

    /// <summary>A term that adds <paramref name="Weight"/> (as a <see cref="TermQuery"/>'s boost) to documents the query matches anyway.</summary>
    public sealed record Bonus(string Field, string Term, float Weight);

    public override Weight CreateWeight(IndexSearcher searcher) => new ProximityWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> queryTerms) => queryTerms.UnionWith(slots);

    public override string ToString(string field) =>
        $"proximity({string.Join(' ', slots.Select((t, i) => $"{t}^{slotWeights[i]}"))})~{slop}" + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is ProximityQuery other && Boost.Equals(other.Boost) && slop == other.slop
        && slots.SequenceEqual(other.slots) && slotWeights.SequenceEqual(other.slotWeights) && slotLeads.SequenceEqual(other.slotLeads)
        && pairs.SequenceEqual(other.pairs);

    public override int GetHashCode() => HashCode.Combine(Boost, slop, slots.Length, slots.Length == 0 ? 0 : slots[0].GetHashCode(), pairs.Length);

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
            var slots = query.slots;
            states = new TermContext[slots.Length];
            var statistics = new TermStatistics[slots.Length];
            termWeights = new Similarity.SimWeight[slots.Length];
            var collections = new Dictionary<string, CollectionStatistics>(StringComparer.Ordinal);
            for (var i = 0; i < slots.Length; i++)
            {
                if (!collections.TryGetValue(slots[i].Field, out var collection))
                    collections[slots[i].Field] = collection = searcher.CollectionStatistics(slots[i].Field);
                states[i] = TermContext.Build(searcher.TopReaderContext, slots[i]);
                statistics[i] = searcher.TermStatistics(slots[i], states[i]);
                termWeights[i] = similarity.ComputeWeight(query.slotWeights[i], collection, statistics[i]);
            }
            // As a PhraseQuery of the pair weighs it: the pair's boost, the two terms' statistics in phrase order.
            pairWeights = query.pairs
                .Select(p => similarity.ComputeWeight(p.Weight, collections[slots[p.First].Field], statistics[p.First], statistics[p.Second]))
                .ToArray();
        }

        public override Query Query => query;

        public override float GetValueForNormalization() =>
            termWeights.Concat(pairWeights).Sum(w => w.GetValueForNormalization()) * query.Boost * query.Boost;

        public override void Normalize(float norm, float topLevelBoost)
        {
            foreach (var weight in termWeights.Concat(pairWeights)) weight.Normalize(norm, topLevelBoost * query.Boost);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var slots = query.slots;
            var postings = new DocsEnum?[slots.Length];
            var scorers = new Similarity.SimScorer?[slots.Length];
            var termsEnums = new Dictionary<string, TermsEnum?>(StringComparer.Ordinal);
            var any = false;
            for (var i = 0; i < slots.Length; i++)
            {
                if (states[i].Get(context.Ord) is not { } state) continue;
                if (!termsEnums.TryGetValue(slots[i].Field, out var termsEnum))
                    termsEnums[slots[i].Field] = termsEnum = context.AtomicReader.GetTerms(slots[i].Field)?.GetEnumerator();
                if (termsEnum is null) continue;
                termsEnum.SeekExact(slots[i].Bytes, state);
                postings[i] = query.slotPaired[i]
                    ? termsEnum.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE)
                        ?? throw new InvalidOperationException($"Field {slots[i].Field} was indexed without positions.")
                    : termsEnum.Docs(acceptDocs, null, DocsFlags.FREQS);
                scorers[i] = similarity.GetSimScorer(termWeights[i], context);
                any |= query.slotLeads[i];
            }
            if (!any) return null;
            var pairScorers = new Similarity.SimScorer?[query.pairs.Length];
            for (var i = 0; i < pairScorers.Length; i++)
                if (postings[query.pairs[i].First] is not null && postings[query.pairs[i].Second] is not null)
                    pairScorers[i] = similarity.GetSimScorer(pairWeights[i], context);
            return new ProximityScorer(this, postings, scorers, query.slotLeads, query.pairs, pairScorers, query.slop);
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
    private sealed class ProximityScorer : Scorer, ICompetitiveScorer
    {
        /// <summary>Relative slack on a score bound, for float rounding: a bound is a sum computed in another order.</summary>
        private const float BoundSlack = 1e-5f;

        private const float UnreachableFrequency = 1e30f;

        private readonly DocsEnum?[] postings;
        private readonly Similarity.SimScorer?[] scorers;
        private readonly (int First, int Second, float Weight)[] pairs;
        private readonly Similarity.SimScorer?[] pairScorers;
        private readonly int slop;
        private readonly int[] docs;
        private readonly int[][] positions;
        private readonly int[] positionCounts;
        private readonly int[] positionsDoc;
        private readonly float[] termBounds;
        private readonly float[] pairBounds;
        private readonly int[] byBound;
        private readonly bool[] inWeak;
        private readonly int[] bonuses;
        private readonly float bonusBound;
        private int doc = -1;
        private int scoredDoc = -1;
        private float score;
        private float floor = float.NegativeInfinity;

        /// <summary>
        /// How many slots of <see cref="byBound"/> (the weakest terms) cannot, even together, lift a document to the
        /// floor: a document with none of the other terms is not worth visiting, so their postings are only skipped
        /// through to documents the others find (the "max score" method of Turtle and Flood).
        /// </summary>
        private int weak;

        public ProximityScorer(
            Weight weight, DocsEnum?[] postings, Similarity.SimScorer?[] scorers, bool[] leads,
            (int First, int Second, float Weight)[] pairs, Similarity.SimScorer?[] pairScorers, int slop)
            : base(weight)
        {
            this.postings = postings;
            this.scorers = scorers;
            this.pairs = pairs;
            this.pairScorers = pairScorers;
            this.slop = slop;
            docs = postings.Select(p => p is null ? NO_MORE_DOCS : -1).ToArray();
            positions = postings.Select(_ => new int[8]).ToArray();
            positionCounts = new int[postings.Length];
            positionsDoc = postings.Select(_ => -1).ToArray();
            // What a term or pair can add at most, whatever its frequency: the similarity's score at a frequency no
            // document comes near (BM25 saturates at its weight, whatever the document's length).
            termBounds = scorers.Select(s => s?.Score(0, UnreachableFrequency) ?? 0f).ToArray();
            pairBounds = pairScorers.Select(s => s?.Score(0, UnreachableFrequency) ?? 0f).ToArray();
            byBound = Enumerable.Range(0, postings.Length).Where(i => leads[i]).OrderBy(i => termBounds[i]).ToArray();
            bonuses = Enumerable.Range(0, postings.Length).Where(i => !leads[i]).ToArray();
            bonusBound = bonuses.Sum(i => termBounds[i]);
            inWeak = new bool[postings.Length];
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
            for (var k = weak; k < byBound.Length; k++)
            {
                var i = byBound[k];
                if (docs[i] == doc) docs[i] = postings[i]!.NextDoc();
                if (docs[i] < next) next = docs[i];
            }
            doc = next;
            if (doc == NO_MORE_DOCS) return doc;
            for (var k = 0; k < weak; k++)
            {
                var i = byBound[k];
                if (docs[i] < doc) docs[i] = postings[i]!.Advance(doc);
            }
            Follow();
            return doc;
        }

        public override int Advance(int target)
        {
            var next = NO_MORE_DOCS;
            foreach (var i in byBound)
            {
                if (docs[i] < target) docs[i] = postings[i]!.Advance(target);
                if (docs[i] < next) next = docs[i];
            }
            doc = next;
            if (doc != NO_MORE_DOCS) Follow();
            return doc;
        }

        /// <summary>Bonus terms only ever catch up with the document the others found.</summary>
        private void Follow()
        {
            foreach (var i in bonuses)
                if (docs[i] < doc) docs[i] = postings[i]!.Advance(doc);
        }

        public override float GetScore() => ScoreIfAbove(float.NegativeInfinity);

        /// <inheritdoc/>
        public float ScoreIfAbove(float floor)
        {
            if (floor > this.floor) Raise(floor);
            if (scoredDoc == doc) return score;
            var bound = 0f;
            if (floor > float.NegativeInfinity)
            {
                // A document matching only some weak terms is turned away before any score is worked out.
                for (var i = 0; i < docs.Length; i++)
                    if (docs[i] == doc) bound += termBounds[i];
                for (var i = 0; i < pairs.Length; i++)
                    if (docs[pairs[i].First] == doc && docs[pairs[i].Second] == doc) bound += pairBounds[i];
                if (bound * (1 + BoundSlack) < floor) return float.NegativeInfinity;
            }
            var sum = 0f;
            for (var i = 0; i < docs.Length; i++)
                if (docs[i] == doc) sum += scorers[i]!.Score(doc, postings[i]!.Freq);
            if (floor > float.NegativeInfinity)
            {
                // Then one whose terms score too low for even the most frequent proximity to lift it: a pair matches
                // at most once per position of its two terms, each match adding at most 1 to its frequency.
                bound = sum;
                for (var i = 0; i < pairs.Length; i++)
                    if (docs[pairs[i].First] == doc && docs[pairs[i].Second] == doc)
                        bound += pairScorers[i]!.Score(doc, postings[pairs[i].First]!.Freq + postings[pairs[i].Second]!.Freq);
                if (bound * (1 + BoundSlack) < floor) return float.NegativeInfinity;
            }
            for (var i = 0; i < pairs.Length; i++)
            {
                if (docs[pairs[i].First] != doc || docs[pairs[i].Second] != doc) continue;
                var freq = PairFreq(pairs[i].First, pairs[i].Second, pairScorers[i]!);
                if (freq > 0f) sum += pairScorers[i]!.Score(doc, freq);
            }
            scoredDoc = doc;
            return score = sum;
        }

        public override long GetCost() => postings.Sum(p => p?.GetCost() ?? 0);

        /// <summary>A higher floor: more of the weakest terms may stop leading the walk (never fewer, as floors only rise).</summary>
        private void Raise(float raised)
        {
            floor = raised;
            Array.Clear(inWeak);
            // A document with only weak terms may have every bonus too.
            var bound = bonusBound;
            weak = 0;
            while (weak < byBound.Length)
            {
                var i = byBound[weak];
                var added = termBounds[i];
                for (var p = 0; p < pairs.Length; p++)
                    if ((pairs[p].First == i && inWeak[pairs[p].Second]) || (pairs[p].Second == i && inWeak[pairs[p].First]))
                        added += pairBounds[p];
                if (bound + added >= floor / (1 + BoundSlack)) break;
                bound += added;
                inWeak[i] = true;
                weak++;
            }
        }

        /// <summary>
        /// The sloppy frequency <see cref="PhraseQuery"/> gives the pair of slots in the current document: the same walk
        /// as Lucene's sloppy phrase scorer for two distinct terms. A position is counted relative to the term's place
        /// in the pair (0 or 1); the lesser of the two moves on until it passes the other, each closest approach within
        /// the slop scoring 1/(distance + 1).
        /// </summary>
        private float PairFreq(int first, int second, Similarity.SimScorer pairScorer)
        {
            var a = Positions(first);
            var b = Positions(second);
            var countA = positionCounts[first];
            var countB = positionCounts[second];
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

/// <summary>A scorer that can tell cheaply that a document scores below a floor, without scoring it exactly.</summary>
internal interface ICompetitiveScorer
{
    /// <summary>
    /// The current document's score, or <see cref="float.NegativeInfinity"/> when it is certainly below
    /// <paramref name="floor"/>. Floors never fall during a search, so from then on the scorer may also pass over
    /// documents certainly below it.
    /// </summary>
    float ScoreIfAbove(float floor);
}
