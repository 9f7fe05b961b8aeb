using System.Text.RegularExpressions;

namespace BriefingBot.Timeline;

// Weekdays: "next Tuesday", "on Friday", "last Monday". They only mean a day against the day the article was published.
public sealed partial class DateExtractor
{
    /// <summary>
    /// A capitalised weekday, with "next"/"this"/"last"/"coming"/"past" when one stands before it, and not already
    /// followed by the date it names ("Tuesday, Oct. 3", "Tuesday 3 October": that date is read instead).
    /// </summary>
    [GeneratedRegex(@"(?:\b(?<deixis>(?i:next|this|last|coming|past))\s+)?\b(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?![,\s(]*(?:[0-9]|(?:" + FullMonth + "|" + ShortMonth + @")\b))")]
    private static partial Regex WeekdayPattern();

    private static RawDate[] ReadWeekday(Match m)
    {
        var deixisAsWritten = m.Groups["deixis"].ValueSpan;
        Span<char> lowerDeixis = stackalloc char[deixisAsWritten.Length];
        deixisAsWritten.ToLowerInvariant(lowerDeixis);
        var deixis = lowerDeixis switch
        {
            "next" or "coming" => Deixis.Next,
            "last" or "past" => Deixis.Last,
            "this" => Deixis.This,
            _ => Deixis.None,
        };
        var weekday = Enum.Parse<DayOfWeek>(m.Groups["weekday"].ValueSpan);
        return [new RawDate(m.Index, m.Value, DatePrecision.Day, null, null, null) { Deixis = deixis, Weekday = weekday }];
    }

    /// <summary>
    /// The day a weekday names, counted from the publication date: "next Tuesday" is the first Tuesday after it,
    /// "last Tuesday" the last one before it; a bare or "this" weekday goes back for a past clause ("announced on
    /// Tuesday") and forward for a future one ("will open on Tuesday"), and stays unread when its clause has no tense.
    /// Against anything but a publication date a weekday cannot be placed and is left out.
    /// </summary>
    private static DateOnly? ResolveWeekday(RawDate raw, DateAnchor anchor)
    {
        if (anchor.Role != AnchorRole.Published || raw.Weekday is not { } weekday)
            return null;
        var published = anchor.Start;
        var ahead = ((int)weekday - (int)published.DayOfWeek + 7) % 7;
        var back = ((int)published.DayOfWeek - (int)weekday + 7) % 7;
        return raw.Deixis switch
        {
            Deixis.Next => published.AddDays(ahead == 0 ? 7 : ahead),
            Deixis.Last => published.AddDays(-(back == 0 ? 7 : back)),
            _ => raw.Orientation switch
            {
                Orientation.Past => published.AddDays(-back),
                Orientation.Forward => published.AddDays(ahead),
                _ => null,
            },
        };
    }
}
