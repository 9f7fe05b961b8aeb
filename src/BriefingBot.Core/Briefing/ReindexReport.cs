using BriefingBot.Corpus;
using BriefingBot.Timeline;

namespace BriefingBot.Briefing;

/// <summary>What a rebuild of the index changed, for the admin who asked for it and for the scheduler.</summary>
/// <param name="Timeline">The whole timeline after the rebuild (what the scheduler reschedules from).</param>
/// <param name="MilestonesMoved">Pairs of (old, new): the same event from a source whose date changed.</param>
public sealed record ReindexReport(
    int Articles,
    int Passages,
    int Quotations,
    IReadOnlyList<ArticleRef> ArticlesAdded,
    IReadOnlyList<ArticleRef> ArticlesRemoved,
    IReadOnlyList<ArticleRef> ArticlesChanged,
    int QuotationsAdded,
    IReadOnlyList<Milestone> MilestonesAdded,
    IReadOnlyList<(Milestone Old, Milestone New)> MilestonesMoved,
    IReadOnlyList<Milestone> MilestonesRemoved,
    IReadOnlyList<Milestone> Timeline,
    IReadOnlyList<CorpusWarning> Warnings,
    TimeSpan Elapsed)
{
    /// <summary>True when nothing an admin would notice changed.</summary>
    public bool IsUnchanged =>
        ArticlesAdded.Count == 0 && ArticlesRemoved.Count == 0 && ArticlesChanged.Count == 0
        && MilestonesAdded.Count == 0 && MilestonesMoved.Count == 0 && MilestonesRemoved.Count == 0;
}
