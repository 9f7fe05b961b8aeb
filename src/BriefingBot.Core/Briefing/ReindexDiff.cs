using BriefingBot.Corpus;
using BriefingBot.Search;
using BriefingBot.Timeline;

namespace BriefingBot.Briefing;

/// <summary>Compares two index generations for the admin's reindex report.</summary>
internal static class ReindexDiff
{
    public static ReindexReport Compare(
        IndexCatalog before,
        IndexCatalog after,
        int quotationsAdded,
        IReadOnlyList<CorpusWarning> warnings,
        TimeSpan elapsed)
    {
        var added = after.Articles.Values.Where(a => !before.Articles.ContainsKey(a.Ref.Id)).Select(a => a.Ref).ToList();
        var removed = before.Articles.Values.Where(a => !after.Articles.ContainsKey(a.Ref.Id)).Select(a => a.Ref).ToList();
        var changed = after.Articles.Values
            .Where(a => before.Articles.TryGetValue(a.Ref.Id, out var old) && old.ContentHash != a.ContentHash)
            .Select(a => a.Ref)
            .ToList();

        var beforeIds = before.Milestones.Select(m => m.Id).ToHashSet();
        var afterIds = after.Milestones.Select(m => m.Id).ToHashSet();
        var appeared = after.Milestones.Where(m => !beforeIds.Contains(m.Id)).ToList();
        var vanished = before.Milestones.Where(m => !afterIds.Contains(m.Id)).ToList();
        var moved = new List<(Milestone Old, Milestone New)>();
        foreach (var old in vanished.ToList())
        {
            var successor = appeared.FirstOrDefault(m => m.Date != old.Date && MilestoneIdentity.IsSameEvent(old, m));
            if (successor is null) continue;
            moved.Add((old, successor));
            vanished.Remove(old);
            appeared.Remove(successor);
        }

        return new ReindexReport(
            after.Articles.Count, after.Passages, after.Quotations,
            added, removed, changed, quotationsAdded,
            appeared, moved, vanished, after.Milestones, warnings, elapsed);
    }
}
