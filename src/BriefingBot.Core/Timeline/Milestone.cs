using BriefingBot.Corpus;

namespace BriefingBot.Timeline;

/// <summary>How much of a date the text gives: "November 10, 2026", "November 2026" or "2026".</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>Whether a milestone is something running out (reminders matter) or something happening.</summary>
public enum MilestoneKind
{
    /// <summary>Expiry, deadline, due date, end of a truce or suspension.</summary>
    Deadline,

    /// <summary>Meeting, visit, summit, talks, announcement.</summary>
    Event,
}

/// <summary>
/// A date expression found in a sentence, normalised. For month or year precision, <see cref="Date"/> is the
/// first day of the month or year.
/// </summary>
/// <param name="Start">Offset of the expression in the sentence.</param>
/// <param name="Text">The expression, verbatim.</param>
public sealed record DateMention(DateOnly Date, DatePrecision Precision, int Start, string Text);

/// <summary>
/// A dated event on the timeline.
/// </summary>
/// <param name="Id">Stable: the same date from the same source sentence keeps its id across reindexes.</param>
/// <param name="Label">Short label taken from its clause ("reciprocal tariffs suspended until").</param>
/// <param name="Source">The verbatim source sentence.</param>
/// <param name="SupersededBy">Id of the milestone from a later-published article that moves this one, if any.</param>
public sealed record Milestone(
    string Id,
    DateOnly Date,
    DatePrecision Precision,
    string Label,
    MilestoneKind Kind,
    string Source,
    ArticleRef Article,
    int Paragraph,
    string? SupersededBy = null);
