using System.Globalization;
using System.Text.RegularExpressions;
using BriefingBot.Corpus;

namespace BriefingBot.Timeline;

// The surface forms: what counts as a date in English news text, and what only looks like one.
public sealed partial class DateExtractor
{
    private const string FullMonth = "January|February|March|April|May|June|July|August|September|October|November|December";
    private const string ShortMonth = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    // Month names are matched case-sensitively: "may extend" and "march on" are verbs, not months.
    private const string Month = @"(?<month>(?:" + FullMonth + @")\b|(?:" + ShortMonth + @")(?:\.|\b))";

    // A number followed by these is a quantity, not a day or year: "5 percent", "2.9", "90-day", "45-year-old".
    private const string NotQuantity = @"(?![0-9%]|[.,][0-9]|\s*(?:percent|per\s+cent)\b|-(?:year|day|month|week|old)\b)";
    private const string Day = @"(?<day>[0-3]?[0-9])(?:st|nd|rd|th)?\b" + NotQuantity;
    private const string Year = @"(?<year>[12][0-9]{3})\b" + NotQuantity;
    private const string NumberWords = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|forty|sixty|ninety";

    /// <summary>Words after which a bare four-digit number reads as a year ("in 2026", "since 2018", "the 2008 crisis").</summary>
    private static readonly WordSet YearCues = new(ignoreCase: false,
    [
        "in", "since", "by", "until", "till", "through", "from", "to", "during", "before", "after", "of", "for",
        "between", "and", "or", "early", "late", "mid", "the", "year", "fiscal", "circa", "end", "beginning",
        "spring", "summer", "autumn", "fall", "winter", "his", "her", "their", "its", "our",
    ]);

    /// <summary>How far back a bare year's cue word is looked for, in characters.</summary>
    private const int YearCueWindow = 40;

    /// <summary>Prefixes that may be hyphenated to a year: "mid-2025", "pre-2020".</summary>
    private static readonly WordSet YearPrefixes = new(ignoreCase: false, ["mid", "pre", "post", "early", "late"]);

    private static readonly Dictionary<string, int> NumberValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["forty-five"] = 45, ["sixty"] = 60, ["ninety"] = 90,
    };

    /// <summary>ISO 8601: "2026-11-10".</summary>
    [GeneratedRegex(@"(?<![\w\-/.])(?<year>[12][0-9]{3})-(?<m>[01][0-9])-(?<d>[0-3][0-9])(?![\w\-/])")]
    private static partial Regex IsoDate();

    /// <summary>"November 10, 2026", "Nov. 10 2026", "Jan.1, 2026".</summary>
    [GeneratedRegex(Month + @"\s?" + Day + @",?\s+" + Year)]
    private static partial Regex MonthDayYear();

    /// <summary>"10 November 2026", "30th of October, 2025".</summary>
    [GeneratedRegex(@"\b" + Day + @"\s+(?:of\s+)?" + Month + @",?\s+" + Year)]
    private static partial Regex DayMonthYear();

    /// <summary>"October 25 and 26", "Oct. 25–26, 2025": two days of one month.</summary>
    [GeneratedRegex(@"(?<first>" + Month + @"\s?(?<day>[0-3]?[0-9])(?:st|nd|rd|th)?)\s*(?:and|&|to|through|[-–—])\s*(?<second>(?<day2>[0-3]?[0-9])(?:st|nd|rd|th)?\b" + NotQuantity + @"(?:,?\s+" + Year + @")?)")]
    private static partial Regex MonthDayPair();

    /// <summary>"November 2026", "March 2024".</summary>
    [GeneratedRegex(Month + @",?\s+" + Year)]
    private static partial Regex MonthYear();

    /// <summary>"October 30", "Oct. 30", "Jan.1", "Sept. 5".</summary>
    [GeneratedRegex(Month + @"\s?" + Day)]
    private static partial Regex MonthDay();

    /// <summary>"30 October".</summary>
    [GeneratedRegex(@"\b" + Day + @"\s+(?:of\s+)?(?<month>(?:" + FullMonth + @")\b)")]
    private static partial Regex DayMonth();

    /// <summary>A month alone after a preposition or a deictic: "in November", "this May", "since early November", "mid-April".</summary>
    [GeneratedRegex(@"(?<cue>\b(?i:in|this|last|next|since|until|till|by|through|during|from|before|after|of|early|late|mid|between))(?:\s+(?i:early|late|mid))?(?:\s+|-)(?<month>(?:" + FullMonth + @")\b)(?![\s,]*[0-9])")]
    private static partial Regex MonthAlone();

    /// <summary>"2018–2021", "2007-2009", "2018-21": both ends are years.</summary>
    [GeneratedRegex(@"(?<![\w$€£¥.,/])(?<y1>(?:19|20)[0-9]{2})\s?[-–—]\s?(?<y2>(?:19|20)[0-9]{2}|[0-9]{2})\b(?!%|[.,][0-9])")]
    private static partial Regex YearRange();

    /// <summary>A four-digit number from 1900 to 2099 that is not money, a decimal, a percentage or a decade ("1970s").</summary>
    [GeneratedRegex(@"(?<![\w$€£¥.,/‘’'])(?<year>(?:19|20)[0-9]{2})(?!\w|%|[.,][0-9]|\s*(?:percent|per\s+cent)\b)")]
    private static partial Regex BareYear();

    /// <summary>"a 90-day truce", "one-year suspension" (but not "a 45-year-old").</summary>
    [GeneratedRegex(@"(?i)\b(?<span>(?<n>[0-9]{1,3}|" + NumberWords + @")-(?<unit>day|week|month|year))\b(?!-old)")]
    private static partial Regex AdjectivalDuration();

    /// <summary>"for 90 days", "within a year".</summary>
    [GeneratedRegex(@"(?i)\b(?:for|within)\s+(?<span>(?<n>[0-9]{1,3}|an?|" + NumberWords + @")\s+(?<unit>day|week|month|year)s?)\b")]
    private static partial Regex ForDuration();

    /// <summary>What may stand between the two ends of a span: "October 25 and 26", "from May 12 to August 10".</summary>
    [GeneratedRegex(@"^\s*,?\s*(?:and|&|to|until|till|through|or|[-–—])\s*$")]
    private static partial Regex SpanConnector();

    /// <summary>Every date-like expression of a sentence, in reading order, before any year is inferred.</summary>
    private static Scan ScanSentence(SentenceText text)
    {
        var sentence = text.Text;
        // A handful of spans per sentence at most: kept as spans rather than as a flag per character.
        var claimed = new List<(int Start, int End)>();
        var dates = new List<RawDate>();

        bool Claim(int start, int end)
        {
            foreach (var span in claimed)
                if (Math.Max(start, span.Start) < Math.Min(end, span.End))
                    return false;
            claimed.Add((start, end));
            return true;
        }

        void Add(Regex pattern, Func<Match, RawDate[]> read)
        {
            for (var match = pattern.Match(sentence); match.Success; match = match.NextMatch())
            {
                var found = read(match);
                if (found.Length > 0 && Claim(match.Index, match.Index + match.Length))
                    dates.AddRange(found);
            }
        }

        // A pattern that needs a digit, a month name or a weekday is not run on a sentence without one: most dated
        // sentences lack one or the other, and these scans are most of the timeline's cost.
        var digits = HasDigit(sentence);
        var months = HasMonthName(sentence);
        var numbered = digits && months;

        // Most specific first: a full date claims its text before its parts can be read as a partial date or a year.
        if (digits) Add(IsoDate(), m => One(m.Index, m.Value, DatePrecision.Day, Int(m, "year"), Int(m, "m"), Int(m, "d")));
        if (numbered) Add(MonthDayYear(), m => One(m.Index, m.Value, DatePrecision.Day, Int(m, "year"), MonthOf(m), Int(m, "day")));
        if (numbered) Add(DayMonthYear(), m => One(m.Index, m.Value, DatePrecision.Day, Int(m, "year"), MonthOf(m), Int(m, "day")));
        if (numbered) Add(MonthDayPair(), ReadPair);
        if (numbered) Add(MonthYear(), m => One(m.Index, m.Value, DatePrecision.Month, Int(m, "year"), MonthOf(m), null));
        if (numbered) Add(MonthDay(), m => One(m.Index, m.Value, DatePrecision.Day, null, MonthOf(m), Int(m, "day")));
        if (numbered) Add(DayMonth(), m => One(m.Index, m.Value, DatePrecision.Day, null, MonthOf(m), Int(m, "day")));
        if (months) Add(MonthAlone(), ReadMonthAlone);
        if (HasWeekdayName(sentence)) Add(WeekdayPattern(), ReadWeekday);
        if (digits) Add(YearRange(), ReadYearRange);
        if (digits) Add(BareYear(), m => IsYearContext(text, m.Index) ? One(m.Index, m.Value, DatePrecision.Year, Int(m, "year"), null, null) : []);

        var durations = new List<RawDuration>();
        void AddDuration(Regex pattern)
        {
            for (var match = pattern.Match(sentence); match.Success; match = match.NextMatch())
            {
                var span = match.Groups["span"];
                if (Claim(span.Index, span.Index + span.Length))
                    durations.Add(new RawDuration(span.Index, span.Value, NumberValue(match.Groups["n"].Value), UnitOf(match.Groups["unit"].Value)));
            }
        }

        // "a 90-day truce": the adjectival form needs a hyphen, which few sentences have.
        if (sentence.Contains('-')) AddDuration(AdjectivalDuration());
        AddDuration(ForDuration());

        dates.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new Scan(LinkSpans(text, dates), durations);
    }

    private static RawDate[] ReadPair(Match m)
    {
        var month = MonthOf(m);
        int? year = m.Groups["year"].Success ? Int(m, "year") : null;
        var first = m.Groups["first"];
        var second = m.Groups["second"];
        if (Int(m, "day2") <= Int(m, "day"))
            return [];
        return
        [
            new RawDate(first.Index, first.Value, DatePrecision.Day, null, month, Int(m, "day")),
            new RawDate(second.Index, second.Value.TrimEnd(), DatePrecision.Day, year, month, Int(m, "day2")),
        ];
    }

    private static RawDate[] ReadMonthAlone(Match m)
    {
        var cueAsWritten = m.Groups["cue"].ValueSpan;
        Span<char> cue = stackalloc char[cueAsWritten.Length];
        cueAsWritten.ToLowerInvariant(cue);
        var month = m.Groups["month"];
        var deixis = cue switch { "this" => Deixis.This, "last" => Deixis.Last, "next" => Deixis.Next, _ => Deixis.None };
        // The deictic word is part of the date ("this May"); a preposition is not ("in November").
        var start = deixis == Deixis.None ? month.Index : m.Index;
        var text = m.Value[(start - m.Index)..];
        return [new RawDate(start, text, DatePrecision.Month, null, MonthOf(m), null) { Deixis = deixis }];
    }

    private static RawDate[] ReadYearRange(Match m)
    {
        var first = Int(m, "y1");
        var y2 = m.Groups["y2"];
        var second = int.Parse(y2.ValueSpan, CultureInfo.InvariantCulture) + (y2.Length == 2 ? first / 100 * 100 : 0);
        if (second <= first)
            return [];
        return
        [
            new RawDate(m.Groups["y1"].Index, m.Groups["y1"].Value, DatePrecision.Year, first, null, null),
            new RawDate(y2.Index, y2.Value, DatePrecision.Year, second, null, null),
        ];
    }

    /// <summary>
    /// A bare year needs a cue before it: a preposition or determiner ("in", "since", "the"), a possessive
    /// ("administration’s 2025 strategy"), an opening parenthesis or a comma (citations: "(Putnam, 1988)"),
    /// a hyphenated prefix ("mid-2025"), or the start of the sentence. "over 2000 people" has none.
    /// </summary>
    private static bool IsYearContext(SentenceText text, int start)
    {
        var from = Math.Max(0, start - YearCueWindow);
        var before = text.Text.AsSpan(from, start - from);
        if (before.EndsWith('-'))
            return text.LastWordIn(from, before.Length) is { } prefix && YearPrefixes.Contains(text.LowerOf(prefix));

        var trimmed = before.TrimEnd();
        if ((trimmed.Length == 0 && from == 0) || trimmed.EndsWith('(') || trimmed.EndsWith(','))
            return true;
        if (trimmed.Length == before.Length)
            return false;
        if (text.LastWordIn(from, trimmed.Length) is not { } previous || previous.End != from + trimmed.Length)
            return false;
        var written = text.TextOf(previous);
        return YearCues.Contains(text.LowerOf(previous)) || written.EndsWith("’s", StringComparison.Ordinal) || written.EndsWith("'s", StringComparison.Ordinal);
    }

    /// <summary>
    /// Reads the tense and preposition of every date, then lets the ends of a span lend each other a year:
    /// in "from October 25 to November 2, 2025" and "October 25 and 26, 2025" the first date takes 2025 too.
    /// </summary>
    private static IReadOnlyList<RawDate> LinkSpans(SentenceText text, List<RawDate> dates)
    {
        var sentence = text.Text;
        var linked = new RawDate[dates.Count];
        for (var i = 0; i < dates.Count; i++)
        {
            var d = dates[i];
            var (governor, governorStart) = text.GovernorBefore(d.Start);
            linked[i] = d with
            {
                Governor = governor,
                GovernorStart = governorStart,
                Orientation = governor switch
                {
                    Governor.Until or Governor.By => Orientation.Forward,
                    Governor.Since => Orientation.Past,
                    // "has pushed back the deadline from June to Oct. 3": the verb dates the decision, not the dates.
                    Governor.From or Governor.To when MovesADate(text, d.Start) => Orientation.Neutral,
                    _ => text.OrientationAt(d.Start, d.End),
                },
            };
        }

        for (var i = 1; i < linked.Length; i++)
        {
            var (a, b) = (linked[i - 1], linked[i]);
            if (a.Precision == DatePrecision.Year || b.Precision == DatePrecision.Year || a.Weekday is not null || b.Weekday is not null
                || !SpanConnector().IsMatch(sentence.AsSpan(a.End, b.Start - a.End)))
                continue;
            if (a.Year is { } ay && b.Year is null && b.Deixis == Deixis.None)
                linked[i] = b with { Year = b.MonthDay < a.MonthDay ? ay + 1 : ay, YearFromSibling = true };
            else if (b.Year is { } by && a.Year is null && a.Deixis == Deixis.None)
                linked[i - 1] = a with { Year = a.MonthDay > b.MonthDay ? by - 1 : by, YearFromSibling = true };
            else if (a.Year is null && b.Year is null)
                linked[i] = b with { SharesYearWith = i - 1 };
        }

        return linked;
    }

    /// <summary>Verbs that move a date ("postponed", "pushed back", "extended"): their tense is not the dates'.</summary>
    private static readonly WordSet ReschedulingVerbs = new(ignoreCase: false,
    [
        "postpone", "postpones", "postponed", "delay", "delays", "delayed", "defer", "defers", "deferred",
        "reschedule", "reschedules", "rescheduled", "extend", "extends", "extended", "push", "pushes", "pushed",
        "move", "moves", "moved", "shift", "shifts", "shifted", "bring", "brings", "brought",
    ]);

    /// <summary>A verb that moves a date stands before <paramref name="start"/> in its clause.</summary>
    private static bool MovesADate(SentenceText text, int start)
    {
        var clause = text.ClauseAt(start);
        foreach (var word in text.Words)
            if (word.Start >= clause.Start && word.End <= start && ReschedulingVerbs.Contains(text.LowerOf(word)))
                return true;
        return false;
    }

    private static RawDate[] One(int start, string text, DatePrecision precision, int? year, int? month, int? day) =>
        [new RawDate(start, text, precision, year, month, day)];

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static int MonthOf(Match m)
    {
        Span<char> stem = stackalloc char[3];
        m.Groups["month"].ValueSpan[..3].ToLowerInvariant(stem);
        return stem switch
        {
            "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
            "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
        };
    }

    private static int NumberValue(string text) => int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : NumberValues[text];

    private static DurationUnit UnitOf(string text) => text.ToLowerInvariant() switch
    {
        "day" => DurationUnit.Day,
        "week" => DurationUnit.Week,
        "month" => DurationUnit.Month,
        _ => DurationUnit.Year,
    };
}

internal enum Deixis
{
    None,
    This,
    Last,
    Next,
}

internal enum DurationUnit
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>A date as written, before a missing year is inferred.</summary>
internal sealed record RawDate(int Start, string Text, DatePrecision Precision, int? Year, int? Month, int? Day)
{
    public int End => Start + Text.Length;

    public Deixis Deixis { get; init; }

    public Orientation Orientation { get; init; }

    public Governor Governor { get; init; }

    /// <summary>Where the <see cref="Governor"/> starts, or <see cref="Start"/> when there is none.</summary>
    public int GovernorStart { get; init; }

    /// <summary>Set for a weekday ("next Tuesday"): the day is counted from the publication date.</summary>
    public DayOfWeek? Weekday { get; init; }

    /// <summary>The year was lent by the other end of a span: the date is not explicit in the text.</summary>
    public bool YearFromSibling { get; init; }

    /// <summary>Index of the earlier end of a year-less span ("October 25 and 26"): both take the same year.</summary>
    public int? SharesYearWith { get; init; }

    /// <summary>Written with its own year, so it can anchor the article's other dates.</summary>
    public bool IsExplicit => Year is not null && !YearFromSibling;

    public int MonthDay => (Month ?? 1) * 100 + (Day ?? 1);
}

/// <summary>A length of time ("90-day", "for a year") that may date the end of a span from its start.</summary>
internal sealed record RawDuration(int Start, string Text, int Amount, DurationUnit Unit)
{
    public DateOnly After(DateOnly start) => Unit switch
    {
        DurationUnit.Day => start.AddDays(Amount),
        DurationUnit.Week => start.AddDays(7 * Amount),
        DurationUnit.Month => start.AddMonths(Amount),
        _ => start.AddYears(Amount),
    };
}

internal sealed record Scan(IReadOnlyList<RawDate> Dates, IReadOnlyList<RawDuration> Durations);
