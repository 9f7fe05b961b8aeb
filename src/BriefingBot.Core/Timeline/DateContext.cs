namespace BriefingBot.Timeline;

/// <summary>
/// A date an article states with its year ("October 15, 2025", "March 2024", "since early 2025").
/// </summary>
/// <param name="ForwardLooking">True when the text looks ahead to it ("until November 10, 2026", "expected to
/// visit in 2026"): such a date says nothing about when the article was written.</param>
public sealed record ExplicitDate(DateOnly Date, DatePrecision Precision, bool ForwardLooking);

/// <summary>
/// What an article tells about when it speaks from, used to give a year to dates that lack one ("on October 30",
/// "in November", "this May"). Built from the article's own text and metadata, never from the clock; make one with
/// <see cref="DateExtractor.CreateContext"/>.
/// </summary>
/// <remarks>
/// The anchor is, in order of trust: the publication date; else the latest explicit date the article does not look
/// ahead to (the article was written after the events it reports, so it is a lower bound); else the earliest
/// forward-looking explicit date (an upper bound for what already happened). With none of these, a date without a
/// year stays unresolved and is dropped rather than guessed.
/// </remarks>
/// <param name="Published">The article's publication date, when its metadata says it.</param>
/// <param name="ExplicitDates">Dates with a year found anywhere in the article.</param>
public sealed record DateContext(DateOnly? Published, IReadOnlyList<ExplicitDate> ExplicitDates)
{
    /// <summary>No publication date and no explicit dates: only dates that carry their own year resolve.</summary>
    public static DateContext Empty { get; } = new(null, []);

    /// <summary>A context anchored on a publication date alone.</summary>
    public static DateContext PublishedOn(DateOnly published) => new(published, []);

    internal DateAnchor? Anchor
    {
        get
        {
            if (Published is { } published)
                return new DateAnchor(published, published, AnchorRole.Published);

            // Latest start first; between equal starts the finer date ("October 30, 2025" over "October 2025").
            var background = ExplicitDates.Where(d => !d.ForwardLooking)
                .OrderByDescending(d => d.Date).ThenBy(d => d.Precision).FirstOrDefault();
            if (background is not null)
                return DateAnchor.Of(background, AnchorRole.LowerBound);

            var ahead = ExplicitDates.OrderBy(d => d.Date).ThenBy(d => d.Precision).FirstOrDefault();
            return ahead is null ? null : DateAnchor.Of(ahead, AnchorRole.UpperBound);
        }
    }
}

/// <summary>How an anchor bounds the moment the article was written.</summary>
internal enum AnchorRole
{
    /// <summary>The publication date: past events are on or before it, future ones on or after.</summary>
    Published,

    /// <summary>A reported date: the article was written after it.</summary>
    LowerBound,

    /// <summary>A date the article looks ahead to: what it reports as done happened before it.</summary>
    UpperBound,
}

/// <summary>The interval an article is anchored on (a day, or a whole month or year for coarser dates).</summary>
internal sealed record DateAnchor(DateOnly Start, DateOnly End, AnchorRole Role)
{
    public static DateAnchor Of(ExplicitDate date, AnchorRole role) =>
        new(date.Date, DateSpan.End(date.Date, date.Precision), role);
}

/// <summary>The days a date of some precision covers.</summary>
internal static class DateSpan
{
    public static DateOnly End(DateOnly start, DatePrecision precision) => precision switch
    {
        DatePrecision.Day => start,
        DatePrecision.Month => start.AddMonths(1).AddDays(-1),
        _ => start.AddYears(1).AddDays(-1),
    };

    /// <summary>Days between two intervals; 0 when they overlap.</summary>
    public static int Gap(DateOnly start, DateOnly end, DateOnly otherStart, DateOnly otherEnd) =>
        end < otherStart ? otherStart.DayNumber - end.DayNumber
        : start > otherEnd ? start.DayNumber - otherEnd.DayNumber
        : 0;

    public static bool Overlap(DateOnly start, DatePrecision precision, DateOnly otherStart, DatePrecision otherPrecision) =>
        Gap(start, End(start, precision), otherStart, End(otherStart, otherPrecision)) == 0;
}
