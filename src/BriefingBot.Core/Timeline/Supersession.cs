using BriefingBot.Corpus;

namespace BriefingBot.Timeline;

/// <summary>
/// Finds the milestone that moves another (see <see cref="TimelineBuilder"/>'s remarks on supersession) without
/// comparing every milestone with every other: candidates are ranked once in order of preference (latest-published
/// article first, then article id, then position) and indexed by each pair of their label's stems. Similar labels
/// share at least two stems, so a milestone's supersessor is on the list of one of its own stem pairs, and on that
/// list it is the first candidate that qualifies; each list is read only until it reaches an article published no
/// later than the milestone's or a candidate ranked below the best found so far.
/// </summary>
internal sealed class Supersession
{
    private readonly Candidate[] given;
    private readonly Candidate[] ranked;
    private readonly Dictionary<(string, string), List<int>> byStemPair = [];

    /// <param name="reschedulable">The milestones a later article may move, with their offsets in their paragraphs, in timeline-building order.</param>
    public Supersession(IEnumerable<(Milestone Milestone, int Position)> reschedulable)
    {
        // A label's stems and their pairs are read once, on every core: each milestone is both a candidate and one that
        // may be moved, and reading labels is most of the work before the search.
        given = reschedulable.AsParallel().AsOrdered()
            .Select(c => new Candidate(c.Milestone, c.Position, MilestoneIdentity.LabelStems(c.Milestone.Label)))
            .ToArray();
        ranked = given
            .OrderByDescending(c => c.Milestone.Article.Published)
            .ThenBy(c => c.Milestone.Article.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Position)
            .ToArray();
        for (var rank = 0; rank < ranked.Length; rank++)
            foreach (var pair in ranked[rank].StemPairs)
            {
                if (!byStemPair.TryGetValue(pair, out var ranks))
                    byStemPair[pair] = ranks = [];
                ranks.Add(rank);
            }
    }

    /// <summary>For each milestone given, in the order given, the latest-published other article's milestone that moves it, if any.</summary>
    public IReadOnlyList<Milestone?> Supersessors() => Array.ConvertAll(given, SupersessorOf);

    private Milestone? SupersessorOf(Candidate older)
    {
        var best = int.MaxValue;
        foreach (var pair in older.StemPairs)
        {
            if (!byStemPair.TryGetValue(pair, out var ranks))
                continue;
            foreach (var rank in ranks)
            {
                // Ranked latest-published first: past this point nothing is published later than the milestone.
                if (rank >= best || !IsPublishedLater(ranked[rank].Milestone.Article, older.Milestone.Article))
                    break;
                if (Moves(ranked[rank], older))
                {
                    best = rank;
                    break;
                }
            }
        }
        return best == int.MaxValue ? null : ranked[best].Milestone;
    }

    private static bool Moves(Candidate newer, Candidate older)
    {
        var (n, o) = (newer.Milestone, older.Milestone);
        return n.Article.Id != o.Article.Id
            && n.Kind == o.Kind
            && !DateSpan.Overlap(n.Date, n.Precision, o.Date, o.Precision)
            && MilestoneIdentity.AreSimilarLabels(newer.Stems, older.Stems);
    }

    /// <summary>Later when both dates are known and differ, or when only <paramref name="candidate"/>'s is known.</summary>
    private static bool IsPublishedLater(ArticleRef candidate, ArticleRef than) =>
        candidate.Published is { } later && (than.Published is not { } earlier || later > earlier);

    /// <summary>Every pair of distinct stems, each in ordinal order, so both sides of a comparison build the same keys.</summary>
    private static (string, string)[] Pairs(HashSet<string> stems)
    {
        var words = stems.Order(StringComparer.Ordinal).ToArray();
        var pairs = new (string, string)[words.Length * (words.Length - 1) / 2];
        var next = 0;
        for (var i = 0; i < words.Length; i++)
            for (var j = i + 1; j < words.Length; j++)
                pairs[next++] = (words[i], words[j]);
        return pairs;
    }

    private sealed record Candidate(Milestone Milestone, int Position, HashSet<string> Stems)
    {
        public (string, string)[] StemPairs { get; } = Pairs(Stems);
    }
}
