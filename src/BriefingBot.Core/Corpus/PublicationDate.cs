using System.Globalization;
using System.Text.RegularExpressions;

namespace BriefingBot.Corpus;

/// <summary>
/// Reads the dates an article states about itself ("Updated Jan.1", "Published: March 3, 2025", "2025-03-03")
/// and resolves a date given without a year against the article's own explicit dates; never against today.
/// </summary>
internal static partial class PublicationDate
{
    private const string Months =
        "January|February|March|April|May|June|July|August|September|October|November|December|" +
        "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    // "Jan.1", "January 1", "Oct. 30, 2025", "March 3rd 2025".
    [GeneratedRegex(@"\b(?<month>" + Months + @")\.?\s*(?<day>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9])(?:,?\s+(?<year>(?:19|20)[0-9]{2})(?![0-9]))?")]
    private static partial Regex MonthDay();

    // "3 March 2025", "3 Mar. 2025".
    [GeneratedRegex(@"\b(?<day>[0-9]{1,2})\s+(?<month>" + Months + @")\.?,?\s+(?<year>(?:19|20)[0-9]{2})(?![0-9])")]
    private static partial Regex DayMonthYear();

    // "2025-03-03", "2025/03/03".
    [GeneratedRegex(@"\b(?<year>(?:19|20)[0-9]{2})[-/](?<month>[0-9]{1,2})[-/](?<day>[0-9]{1,2})\b")]
    private static partial Regex IsoDate();

    // Every pattern a date is read with; where two find a date at the same place, the earlier one reads it.
    private static readonly Regex[] DatePatterns = [IsoDate(), DayMonthYear(), MonthDay()];

    // "Last Updated on: Wednesday, September 30, 2025 10:02 a.m. EDT" has 63 characters.
    private const int MaxDateLineLength = 80;

    // A line that is nothing but an optional label and a date (and maybe a time): "Updated: Jan. 3, 2025 10:02".
    [GeneratedRegex(@"^(?:(?:Last\s+)?(?:Updated|Published|Posted|Modified|Date)(?:\s+on)?\s*:?\s*)?(?<date>.+?)\s*(?:[0-9]{1,2}:[0-9]{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?$")]
    private static partial Regex DateLine();

    // A news dateline opening a paragraph: "BEIJING, Jan. 3 (Xinhua) --".
    [GeneratedRegex(@"^\p{Lu}[\p{Lu} .'’-]+,\s*(?<date>[^(—–-]{3,30}?)\s*(?:\(|--|—|–)")]
    private static partial Regex NewsDateline();

    // Held once: TrimEnd(params char[]) would allocate the array for every date line.
    private static readonly char[] DateEnd = [',', '.', ' '];

    /// <summary>A date as written: the year is null when the text leaves it out.</summary>
    internal readonly record struct Stated(int? Year, int Month, int Day);

    /// <summary>The first date stated anywhere in <paramref name="text"/>.</summary>
    internal static Stated? FindFirst(string text)
    {
        // Every date pattern needs a digit: a byline tail without a date (most are empty) is not scanned three times.
        if (!text.AsSpan().ContainsAnyInRange('0', '9')) return null;
        // Each pattern's first date; where two start at the same place, the earlier pattern's.
        (int Index, Stated Date)? first = null;
        foreach (var regex in DatePatterns)
            for (var m = regex.Match(text); m.Success && (first is null || m.Index < first.Value.Index); m = m.NextMatch())
                if (TryRead(m) is { } date)
                {
                    first = (m.Index, date);
                    break;
                }
        return first?.Date;
    }

    /// <summary>The date when <paramref name="line"/> is only a (labelled) date, like "Updated Jan.1".</summary>
    internal static Stated? ReadDateLine(string line)
    {
        // Every line of an article is asked; a paragraph is far longer than a label, a date and a time can be, and
        // every date pattern needs a digit, which a heading seldom has.
        if (line.Length > MaxDateLineLength || !line.AsSpan().ContainsAnyInRange('0', '9')) return null;
        var m = DateLine().Match(line);
        if (!m.Success) return null;
        var date = m.Groups["date"].Value.TrimEnd(DateEnd);
        // Only a pattern's first match can span the whole of it.
        foreach (var regex in DatePatterns)
            if (regex.Match(date) is { Success: true, Index: 0 } whole && whole.Length == date.Length && TryRead(whole) is { } stated)
                return stated;
        return null;
    }

    /// <summary>The date of a news dateline at the start of a paragraph ("BEIJING, Jan. 3 (Xinhua) --").</summary>
    internal static Stated? ReadNewsDateline(string paragraph)
    {
        var m = NewsDateline().Match(paragraph);
        return m.Success ? ReadDateLine(m.Groups["date"].Value) : null;
    }

    /// <summary>Every complete date (day, month and year) stated in <paramref name="text"/>.</summary>
    internal static List<DateOnly> ExplicitDates(string text)
    {
        var dates = new List<DateOnly>();
        if (!text.AsSpan().ContainsAnyInRange('0', '9')) return dates;
        foreach (var regex in DatePatterns)
            for (var m = regex.Match(text); m.Success; m = m.NextMatch())
                if (TryRead(m) is { Year: { } year } date)
                    dates.Add(new DateOnly(year, date.Month, date.Day));
        return dates;
    }

    /// <summary>
    /// The full date of <paramref name="stated"/>: as written when it has a year; otherwise in the year the article's
    /// explicit dates mostly fall in (ties: the later year), moved to the next year when that would put it before
    /// the latest explicit date of that year, since an article is dated after the events it reports (captions included:
    /// a photo shows what has happened). Null when the article states no full date to resolve against.
    /// </summary>
    internal static DateOnly? Resolve(Stated stated, IReadOnlyCollection<DateOnly> explicitDates)
    {
        if (stated.Year is { } year) return new DateOnly(year, stated.Month, stated.Day);
        if (explicitDates.Count == 0) return null;

        var mainYear = explicitDates.GroupBy(d => d.Year)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key)
            .First().Key;
        var latestInMainYear = explicitDates.Where(d => d.Year == mainYear).Max();
        var onOrAfterLatest = Enumerable.Range(mainYear, 2)
            .Where(y => IsValid(y, stated.Month, stated.Day))
            .Select(y => new DateOnly(y, stated.Month, stated.Day))
            .FirstOrDefault(d => d >= latestInMainYear);
        return onOrAfterLatest == default ? null : onOrAfterLatest;
    }

    /// <summary>Parses a front-matter value: ISO first, then any date the text states.</summary>
    internal static DateOnly? ParseFrontMatter(string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            return iso;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
            return DateOnly.FromDateTime(stamp.Date);
        return ReadDateLine(value) is { Year: { } year } s ? new DateOnly(year, s.Month, s.Day) : null;
    }

    // Groups are read as spans: every date of every article passes here, and none of its parts is kept as text.
    private static Stated? TryRead(Match m)
    {
        var monthText = m.Groups["month"].ValueSpan;
        var month = int.TryParse(monthText, out var numeric) ? numeric : MonthNumber(monthText);
        var day = int.Parse(m.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) : null;
        if (month is < 1 or > 12 || day is < 1 or > 31) return null;
        if (year is { } y && !IsValid(y, month, day)) return null;
        if (year is null && !IsValid(2000, month, day)) return null; // 2000 is a leap year: Feb 29 stays possible
        return new Stated(year, month, day);
    }

    private static int MonthNumber(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < MonthNames.Length; i++)
            if (MonthNames[i].Length > 0 && MonthNames[i].AsSpan().StartsWith(name[..3], StringComparison.OrdinalIgnoreCase))
                return i + 1;
        return 0;
    }

    // DateTimeFormatInfo.MonthNames copies its array on every read; this runs for every line of every article.
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
