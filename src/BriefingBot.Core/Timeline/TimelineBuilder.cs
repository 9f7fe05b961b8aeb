using BriefingBot.Corpus;

namespace BriefingBot.Timeline;

/// <summary>
/// Builds the timeline: every dated event the articles' body sentences report, with a label from its clause,
/// its kind, its verbatim source sentence and its citation.
/// </summary>
/// <remarks>
/// <para>Which dates are milestones. Only dates whose clause yields a label that names something (a sentence that is
/// just "Until November 10, 2026." has none). A date after "since" starts a state ("measures adopted since early
/// 2025") and is background. A day-precise date is a milestone when its clause has an event or deadline cue or a tensed verb: news
/// dates days for things that happened or will. A month needs an event or deadline cue ("a phone call in September").
/// A bare year is usually narrative background ("the conflict began in 2018"); it is a milestone only when its clause
/// names an occasion ("the G20 Summit in 2019", "exchange visits in 2026") or looks ahead to an event or a limit
/// ("cap emissions by 2030").</para>
/// <para>Kind: a deadline when the date ends something ("until", "by", "expires", "deadline", the end of "a 90-day
/// truce"), an event otherwise.</para>
/// <para>Supersession: when a later-published article gives a different date for the same deadline or scheduled
/// event (same kind, similar label, non-overlapping dates), both stay on the timeline and the earlier one's
/// <see cref="Milestone.SupersededBy"/> names the latest such milestone. An article without a publication date counts
/// as the earliest; two articles with the same (or no) date supersede nothing, since neither is known to be later.
/// Past events are never superseded: two meetings on different dates are two meetings.</para>
/// <para>Within one article, the same event (same label) on the same date is listed once (its first mention).
/// Order: date, then article id, then paragraph, then position.</para>
/// </remarks>
public sealed class TimelineBuilder
{
    private readonly DateExtractor dates;

    public TimelineBuilder(DateExtractor dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        this.dates = dates;
    }

    /// <summary>The timeline of <paramref name="articles"/>, oldest first.</summary>
    public IReadOnlyList<Milestone> Build(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        // Articles are read independently, on every core; the results keep article order.
        var found = articles.AsParallel().AsOrdered().SelectMany(FromArticle).ToList();
        var supersessors = new Supersession(found.Where(f => f.Reschedulable).Select(f => (f.Milestone, f.Position))).Supersessors();
        var timeline = new List<Placed>(found.Count);
        var reschedulable = 0;
        foreach (var f in found)
        {
            var milestone = f.Reschedulable ? f.Milestone with { SupersededBy = supersessors[reschedulable++]?.Id } : f.Milestone;
            timeline.Add(new Placed(milestone, f.Position, timeline.Count));
        }

        timeline.Sort(InTimelineOrder);
        return timeline.ConvertAll(p => p.Milestone);
    }

    /// <summary>Date, then article id, then paragraph, then position; then the order found, so that equal keys keep it.</summary>
    private static int InTimelineOrder(Placed a, Placed b)
    {
        var order = a.Milestone.Date.CompareTo(b.Milestone.Date);
        if (order == 0)
            order = string.CompareOrdinal(a.Milestone.Article.Id, b.Milestone.Article.Id);
        if (order == 0)
            order = a.Milestone.Paragraph.CompareTo(b.Milestone.Paragraph);
        if (order == 0)
            order = a.Position.CompareTo(b.Position);
        return order != 0 ? order : a.Order.CompareTo(b.Order);
    }

    private List<Found> FromArticle(Article article)
    {
        var dated = new List<(Paragraph Paragraph, Sentence Sentence, ScannedSentence Scanned)>();
        foreach (var paragraph in article.Paragraphs)
            foreach (var sentence in paragraph.Sentences)
                if (DateExtractor.MayHoldDate(paragraph.SpanOf(sentence)))
                    dated.Add((paragraph, sentence, dates.Scan(paragraph.TextOf(sentence))));
        var context = dates.CreateContext(article.Published, dated.Select(x => x.Scanned));
        var anchor = context.Anchor;
        var found = new List<Found>();
        var listed = new HashSet<(DateOnly, DatePrecision, string)>();
        foreach (var (paragraph, sentence, scanned) in dated)
        {
            var readings = dates.Read(scanned, anchor);
            if (readings.Count == 0)
                continue;
            var clauses = MilestoneClause.ReadAll(scanned.Text, readings);
            string? source = null;
            for (var i = 0; i < readings.Count; i++)
            {
                var (reading, clause) = (readings[i], clauses[i]);
                if (KindOf(reading, clause) is not { } kind)
                    continue;
                var mention = reading.Mention;
                source ??= MilestoneIdentity.Normalise(scanned.Text.Text);
                var milestone = new Milestone(
                    MilestoneIdentity.IdOfNormalised(article.Id, source, mention.Date, mention.Precision),
                    mention.Date, mention.Precision, clause.Label, kind, scanned.Text.Text, article.Ref, paragraph.Number);
                if (!listed.Add((milestone.Date, milestone.Precision, clause.Label.ToLowerInvariant())))
                    continue;
                var reschedulable = kind == MilestoneKind.Deadline || reading.Orientation == Orientation.Forward;
                found.Add(new Found(milestone, reschedulable, sentence.Start + mention.Start));
            }
        }

        return found;
    }

    /// <summary>The milestone's kind, or null when the date is not a milestone (see the class remarks).</summary>
    private static MilestoneKind? KindOf(DateReading reading, MilestoneClause clause)
    {
        if (reading.Governor == Governor.Since || !clause.IsDescriptive)
            return null;
        var deadline = reading.IsDurationEnd || reading.Governor is Governor.Until or Governor.By || clause.HasDeadlineWord;
        var happens = deadline || clause.HasEventCue;
        var isMilestone = reading.Mention.Precision switch
        {
            DatePrecision.Day => happens || clause.HasTense,
            DatePrecision.Month => happens,
            _ => clause.HasOccasion || (happens && reading.Orientation == Orientation.Forward),
        };
        return !isMilestone ? null : deadline ? MilestoneKind.Deadline : MilestoneKind.Event;
    }

    /// <summary>A milestone before supersession, with what supersession and ordering need.</summary>
    /// <param name="Reschedulable">A deadline, or an event the article looks ahead to: a later article may move it.</param>
    /// <param name="Position">Offset of the date in its paragraph.</param>
    private sealed record Found(Milestone Milestone, bool Reschedulable, int Position);

    /// <summary>A milestone on its way to the timeline: its offset in its paragraph and its index in reading order.</summary>
    private readonly record struct Placed(Milestone Milestone, int Position, int Order);
}
