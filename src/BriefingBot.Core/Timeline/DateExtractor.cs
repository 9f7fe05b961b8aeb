using System.Buffers;

namespace BriefingBot.Timeline;

/// <summary>
/// Finds date expressions in a sentence and normalises them, with their precision and their verbatim text.
/// </summary>
/// <remarks>
/// <para>Forms read: full dates ("November 10, 2026", "Nov. 10, 2026", "10 November 2026", "2026-11-10"), dates
/// without a year ("October 30", "Jan.1", "on November 2", "October 25 and 26" as two days), month and year
/// ("March 2024"), a month alone after a preposition or deictic ("in November", "this May"), bare years after a cue
/// ("in 2026", "since 2018", both ends of "2007-2009"), and durations anchored on a start date in the same sentence
/// ("a 90-day truce agreed on May 12, 2025" dates the truce's end, 90 days later).</para>
/// <para>Not dates: money ("US$147.78 billion"), percentages ("24 percent"), ordinals ("32nd"), names ("G20",
/// "one-China"), decades ("the 1970s"), two-digit years ("Trump ‘45"), ages ("a 45-year-old"), counts without a cue
/// ("over 2000 people"), and "may"/"march" as verbs (month names must be capitalised).</para>
/// <para>A date without a year takes the year the article's <see cref="DateContext"/> implies, read with the tense of
/// its clause. Against a publication date, something that happened takes the latest such date on or before it and
/// something ahead ("will", "expected to", "until") the earliest on or after it, a week's grace either way. Against a
/// date the article reports (it was written after that) or looks ahead to, the nearest such date wins unless the
/// tense rules it out. Dates that cannot be placed are left out: the clock is never consulted.</para>
/// <para>Weekdays ("next Tuesday", "announced on Friday") are counted from the publication date, and left out when the
/// article has none or a bare weekday's clause has no tense. Not read: "last week", "yesterday" and day ranges written
/// day-first ("10-11 November").</para>
/// </remarks>
public sealed partial class DateExtractor
{
    /// <summary>Days a past event may follow, or a coming one precede, the publication date and keep its year.</summary>
    private const int PublicationGraceDays = 7;

    /// <summary>The date expressions of <paramref name="sentence"/>, in reading order.</summary>
    public IReadOnlyList<DateMention> Extract(string sentence, DateContext context)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(context);
        return Read(Scan(sentence), context.Anchor).Select(r => r.Mention).ToList();
    }

    /// <summary>
    /// The context for resolving an article's partial dates: its publication date and every date it states with a
    /// year, each marked by whether the text looks ahead to it.
    /// </summary>
    /// <param name="sentences">Every sentence of the article (captions too, when the caller has them).</param>
    public DateContext CreateContext(DateOnly? published, IEnumerable<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return CreateContext(published, sentences.Where(sentence => MayHoldDate(sentence)).Select(Scan));
    }

    /// <summary>The context from sentences already scanned, so that an article's sentences are scanned once.</summary>
    internal DateContext CreateContext(DateOnly? published, IEnumerable<ScannedSentence> sentences)
    {
        var explicitDates = new List<ExplicitDate>();
        foreach (var sentence in sentences)
            foreach (var raw in sentence.Scan.Dates)
                if (raw.IsExplicit && Compose(raw.Year!.Value, raw.Month, raw.Day) is { } date)
                    explicitDates.Add(new ExplicitDate(date, raw.Precision, raw.Orientation == Orientation.Forward));
        return new DateContext(published, explicitDates);
    }

    /// <summary>A sentence read once for everything date extraction and labelling need from it.</summary>
    internal ScannedSentence Scan(string sentence)
    {
        var text = new SentenceText(sentence);
        return new ScannedSentence(text, ScanSentence(text));
    }

    /// <summary>
    /// False when <paramref name="sentence"/> cannot hold a date: every form read needs a digit, a capitalised month
    /// name (or its abbreviation) or a capitalised weekday, so a sentence with none is not worth reading. Most
    /// sentences are like that. A form that needs none of these must widen this test: DateSignalTests holds it to
    /// every dated row of DateExtractorTests.Normalises.
    /// </summary>
    internal static bool MayHoldDate(ReadOnlySpan<char> sentence) =>
        HasDigit(sentence) || HasMonthName(sentence) || HasWeekdayName(sentence);

    // ASCII digits: the patterns read no others.
    private static bool HasDigit(ReadOnlySpan<char> sentence) => sentence.ContainsAnyInRange('0', '9');

    private static bool HasMonthName(ReadOnlySpan<char> sentence) => sentence.ContainsAny(MonthStems);

    private static bool HasWeekdayName(ReadOnlySpan<char> sentence) => sentence.ContainsAny(WeekdayNames);

    // Every full and short month name starts with one of these, case-sensitively as the patterns match them.
    private static readonly SearchValues<string> MonthStems = SearchValues.Create(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], StringComparison.Ordinal);

    private static readonly SearchValues<string> WeekdayNames = SearchValues.Create(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], StringComparison.Ordinal);

    /// <summary>The dates of a sentence with what the timeline needs to judge them: tense and governing preposition.</summary>
    /// <param name="anchor">The <see cref="DateContext.Anchor"/> of the sentence's article, worked out once for all its sentences.</param>
    internal IReadOnlyList<DateReading> Read(ScannedSentence sentence, DateAnchor? anchor)
    {
        var scan = sentence.Scan;
        var resolved = new DateOnly?[scan.Dates.Count];
        var readings = new List<DateReading>();
        for (var i = 0; i < scan.Dates.Count; i++)
        {
            var raw = scan.Dates[i];
            resolved[i] = raw switch
            {
                { Year: { } year } => Compose(year, raw.Month, raw.Day),
                { SharesYearWith: { } j } when resolved[j] is { } first => SameYearOrAfter(first, raw),
                _ when anchor is null => null,
                { Weekday: not null } => ResolveWeekday(raw, anchor),
                { Deixis: not Deixis.None } => ResolveDeictic(raw, anchor),
                _ => ResolvePartial(raw, anchor),
            };
            if (resolved[i] is { } date)
                readings.Add(new DateReading(new DateMention(date, raw.Precision, raw.Start, raw.Text), raw.Orientation, raw.Governor, raw.GovernorStart, IsDurationEnd: false));
        }

        foreach (var duration in scan.Durations)
            if (StartOf(duration, readings) is { } start)
                readings.Add(new DateReading(
                    new DateMention(duration.After(start.Mention.Date), DatePrecision.Day, duration.Start, duration.Text),
                    Orientation.Forward, Governor.Until, duration.Start, IsDurationEnd: true));

        readings.Sort((a, b) => a.Mention.Start.CompareTo(b.Mention.Start));
        return readings;
    }

    /// <summary>
    /// The start a duration counts from: the nearest day-precise date of the sentence that is not itself an end
    /// ("for a year until November 10, 2026" has no start, so nothing is derived).
    /// </summary>
    private static DateReading? StartOf(RawDuration duration, IReadOnlyList<DateReading> readings) =>
        readings.Where(r => r.Mention.Precision == DatePrecision.Day && r.Governor is not (Governor.Until or Governor.By or Governor.To))
            .OrderBy(r => Math.Abs(r.Mention.Start - duration.Start))
            .FirstOrDefault();

    private static DateOnly? SameYearOrAfter(DateOnly first, RawDate raw) =>
        Compose(raw.MonthDay < first.Month * 100 + first.Day ? first.Year + 1 : first.Year, raw.Month, raw.Day);

    private static DateOnly? ResolveDeictic(RawDate raw, DateAnchor anchor)
    {
        var candidates = Candidates(raw, anchor);
        return raw.Deixis switch
        {
            Deixis.This => Compose(anchor.Start.Year, raw.Month, raw.Day),
            Deixis.Last => candidates.Where(c => c.End < anchor.Start).Select(c => (DateOnly?)c.Start).LastOrDefault(),
            _ => candidates.Where(c => c.Start > anchor.End).Select(c => (DateOnly?)c.Start).FirstOrDefault(),
        };
    }

    private static DateOnly? ResolvePartial(RawDate raw, DateAnchor anchor)
    {
        var candidates = Candidates(raw, anchor);
        // A publication date may lag or lead the text by a few days (time zones, an "Updated" stamp).
        var grace = anchor.Role == AnchorRole.Published ? PublicationGraceDays : 0;
        var ruled = (anchor.Role, raw.Orientation) switch
        {
            (AnchorRole.Published or AnchorRole.UpperBound, Orientation.Past) =>
                candidates.Where(c => c.Start <= anchor.End.AddDays(grace)).Select(c => (DateOnly?)c.Start).LastOrDefault(),
            (AnchorRole.Published or AnchorRole.LowerBound, Orientation.Forward) =>
                candidates.Where(c => c.End >= anchor.Start.AddDays(-grace)).Select(c => (DateOnly?)c.Start).FirstOrDefault(),
            _ => null,
        };

        // Nearest to the anchor; between equally near candidates the later one (news looks ahead more than back).
        return ruled ?? candidates
            .OrderBy(c => DateSpan.Gap(c.Start, c.End, anchor.Start, anchor.End))
            .ThenByDescending(c => c.Start)
            .Select(c => (DateOnly?)c.Start)
            .FirstOrDefault();
    }

    /// <summary>The dates the partial date could be, from the year before the anchor to the year after, oldest first.</summary>
    private static List<(DateOnly Start, DateOnly End)> Candidates(RawDate raw, DateAnchor anchor) =>
        Enumerable.Range(anchor.Start.Year - 1, anchor.End.Year - anchor.Start.Year + 3)
            .Select(year => Compose(year, raw.Month, raw.Day))
            .OfType<DateOnly>()
            .Select(date => (date, DateSpan.End(date, raw.Precision)))
            .ToList();

    /// <summary>The date, or null when it does not exist (February 30).</summary>
    private static DateOnly? Compose(int year, int? month, int? day)
    {
        var m = month ?? 1;
        var d = day ?? 1;
        if (year is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year, m))
            return null;
        return new DateOnly(year, m, d);
    }
}

internal static class DateMentionExtensions
{
    /// <summary>Offset just after the mention in its sentence.</summary>
    public static int End(this DateMention mention) => mention.Start + mention.Text.Length;
}

/// <summary>A sentence's shape and the date expressions found in it.</summary>
internal sealed record ScannedSentence(SentenceText Text, Scan Scan);

/// <summary>A date mention with the clause facts milestone detection needs.</summary>
/// <param name="GovernorStart">Where <paramref name="Governor"/> starts, or the mention's start when there is none.</param>
/// <param name="IsDurationEnd">Derived from a duration and its start ("a 90-day truce" from May 12).</param>
internal sealed record DateReading(DateMention Mention, Orientation Orientation, Governor Governor, int GovernorStart, bool IsDurationEnd);
