using System.Globalization;
using BriefingBot.Timeline;

namespace BriefingBot.Tests.Timeline;

/// <summary>
/// Date normalisation. Each row: a sentence, the article's publication date (or none), another sentence of the same
/// article (or none) that gives context, and the expected mentions as "text=yyyy-MM-dd/precision", joined by " | ".
/// </summary>
public class DateExtractorTests
{
    private readonly DateExtractor extractor = new();

    [Theory]
    // Full dates carry their own year; context is irrelevant.
    [InlineData("Both sides suspended the tariffs until November 10, 2026.", null, null, "November 10, 2026=2026-11-10/Day")]
    [InlineData("The truce ends Nov. 10, 2026, officials said.", null, null, "Nov. 10, 2026=2026-11-10/Day")]
    [InlineData("The deal was signed on 10 November 2026 in Geneva.", null, null, "10 November 2026=2026-11-10/Day")]
    [InlineData("A photo taken on 30 October 2025 shows the two leaders.", null, null, "30 October 2025=2025-10-30/Day")]
    [InlineData("The report is due on 2026-11-10.", null, null, "2026-11-10=2026-11-10/Day")]
    [InlineData("The rule took effect on March 3rd, 2025.", null, null, "March 3rd, 2025=2025-03-03/Day")]
    [InlineData("Leaders met on Sept. 5 2025 in Kazan.", null, null, "Sept. 5 2025=2025-09-05/Day")]
    // Abbreviated months without a year take it from the publication date.
    [InlineData("Updated Jan.1", "2026-01-03", null, "Jan.1=2026-01-01/Day")]
    [InlineData("The ministers met on Oct. 30 in Busan.", "2025-11-15", null, "Oct. 30=2025-10-30/Day")]
    [InlineData("The vote is scheduled for Sept. 5.", "2025-08-01", null, "Sept. 5=2025-09-05/Day")]
    // Partial dates resolved from the article's own explicit dates: a reported year is a lower bound for the writing.
    [InlineData("On October 30, Xi met Trump in Busan.", null, "Measures adopted since early 2025 were rolled back.", "October 30=2025-10-30/Day")]
    // A date the article looks ahead to ("until … 2026", "expected … in 2026") does not anchor its past events.
    [InlineData("On October 30, Xi met Trump in Busan.", null, "Tariffs adopted since early 2025 are suspended until November 10, 2026, and visits are expected in 2026.", "October 30=2025-10-30/Day")]
    [InlineData("Xi will see Trump at the summit in November.", null, "The trade deal was signed in 2025.", "November=2025-11-01/Month")]
    [InlineData("Xi met Trump in Busan on October 30.", null, "A photo of the meeting, October 30, 2025.", "October 30=2025-10-30/Day")]
    // Without any anchor a partial date is left out rather than guessed from the clock.
    [InlineData("On October 30, Xi met Trump in Busan.", null, null, "")]
    // Year rollover: the tense decides which side of the anchor the date falls on.
    [InlineData("Talks will resume on January 5.", "2025-12-20", null, "January 5=2026-01-05/Day")]
    [InlineData("Talks resumed on January 5.", "2025-12-20", null, "January 5=2025-01-05/Day")]
    [InlineData("A summit on January 5 is on the agenda.", "2025-12-20", null, "January 5=2026-01-05/Day")]
    [InlineData("The two sides met on December 28.", "2026-01-03", null, "December 28=2025-12-28/Day")]
    [InlineData("Officials said they would meet on December 28.", "2026-12-01", null, "December 28=2026-12-28/Day")]
    [InlineData("The payment is due on January 5.", "2026-01-20", null, "January 5=2027-01-05/Day")]
    // A publication date a few days off (time zones, an update stamp) does not push a date into another year.
    [InlineData("Leaders met on November 3.", "2025-11-02", null, "November 3=2025-11-03/Day")]
    [InlineData("Talks will resume on January 5.", "2026-01-08", null, "January 5=2026-01-05/Day")]
    // Month and year; a month alone after a preposition or a deictic.
    [InlineData("He said so in an interview in March 2024.", null, null, "March 2024=2024-03-01/Month")]
    [InlineData("Bessent proposed a truce in Geneva this May.", "2025-07-01", null, "this May=2025-05-01/Month")]
    [InlineData("The next round is planned for next May.", "2025-07-01", null, "next May=2026-05-01/Month")]
    [InlineData("The leaders will meet in April.", "2025-07-01", null, "April=2026-04-01/Month")]
    [InlineData("The leaders met in April.", "2025-07-01", null, "April=2025-04-01/Month")]
    [InlineData("Prices rose in mid-November.", "2025-12-01", null, "November=2025-11-01/Month")]
    // Bare years after a cue, both ends of a range, decades and two-digit years not.
    [InlineData("The two leaders are expected to exchange visits in 2026.", null, null, "2026=2026-01-01/Year")]
    [InlineData("Overdose deaths fell for the first time since 2018.", null, null, "2018=2018-01-01/Year")]
    [InlineData("They limited the 2007-2009 global financial crisis.", null, null, "2007=2007-01-01/Year | 2009=2009-01-01/Year")]
    [InlineData("In earlier phases (e.g., the 2018–2021 trade war), controls tightened.", null, null, "2018=2018-01-01/Year | 2021=2021-01-01/Year")]
    [InlineData("As Putnam (1988) suggests, the game has two levels.", null, null, "1988=1988-01-01/Year")]
    [InlineData("Growth slowed in mid-2025.", null, null, "2025=2025-01-01/Year")]
    // Spans and anchored durations.
    [InlineData("Both sides suspended the tariffs for a year until November 10, 2026.", null, null, "November 10, 2026=2026-11-10/Day")]
    [InlineData("On May 12, 2025, the two sides agreed to a 90-day truce.", null, null, "May 12, 2025=2025-05-12/Day | 90-day=2025-08-10/Day")]
    [InlineData("The truce runs for 90 days from May 12, 2025.", null, null, "90 days=2025-08-10/Day | May 12, 2025=2025-05-12/Day")]
    [InlineData("A 90-day truce was agreed in Geneva this May.", "2025-07-01", null, "this May=2025-05-01/Month")]
    [InlineData("Officials reached agreements during talks in Kuala Lumpur on October 25 and 26.", "2025-11-01", null, "October 25=2025-10-25/Day | 26=2025-10-26/Day")]
    [InlineData("The talks ran Oct. 25–26, 2025.", null, null, "Oct. 25=2025-10-25/Day | 26, 2025=2025-10-26/Day")]
    [InlineData("The expo runs from November 5 to November 10, 2025.", null, null, "November 5=2025-11-05/Day | November 10, 2025=2025-11-10/Day")]
    [InlineData("The fair runs from December 30 to January 2.", "2025-12-01", null, "December 30=2025-12-30/Day | January 2=2026-01-02/Day")]
    // Weekdays count from the publication date (2026-05-21 is a Thursday); without one, or without a tense, they are left out.
    [InlineData("A pledging conference will open next Tuesday in Hamburg.", "2026-05-21", null, "next Tuesday=2026-05-26/Day")]
    [InlineData("The decision was announced on Tuesday by the secretariat.", "2026-05-21", null, "Tuesday=2026-05-19/Day")]
    [InlineData("Ministers will sign the text on Friday.", "2026-05-21", null, "Friday=2026-05-22/Day")]
    [InlineData("The port reopened last Thursday.", "2026-05-21", null, "last Thursday=2026-05-14/Day")]
    [InlineData("The talks on Friday in Geneva.", "2026-05-21", null, "")]
    [InlineData("A pledging conference will open next Tuesday in Hamburg.", null, "The fund was set up in March 2026.", "")]
    [InlineData("The vote will take place on Tuesday, Oct. 6.", "2026-05-21", null, "Oct. 6=2026-10-06/Day")]
    // A participle after "will be" or "to be" looks ahead, though it looks like a past form.
    [InlineData("The regional summit will be held in Niamey on 4 September.", "2026-08-12", null, "4 September=2026-09-04/Day")]
    [InlineData("The treaty is to be signed in Oslo on January 5.", "2025-12-20", null, "January 5=2026-01-05/Day")]
    [InlineData("The summit was held in Niamey on 4 September.", "2026-08-12", null, "4 September=2025-09-04/Day")]
    // A verb that moves a date does not lend its tense to the old date or the new one.
    [InlineData("The compact has pushed back the deadline from the end of June to Oct. 3.", "2026-05-21", null, "June=2026-06-01/Month | Oct. 3=2026-10-03/Day")]
    [InlineData("The summit was postponed from May 3 to May 10.", "2026-06-20", null, "May 3=2026-05-03/Day | May 10=2026-05-10/Day")]
    public void Normalises(string sentence, string? published, string? alsoInArticle, string expected)
    {
        var context = extractor.CreateContext(Date(published), alsoInArticle is null ? [sentence] : [alsoInArticle, sentence]);

        var mentions = extractor.Extract(sentence, context);

        Assert.Equal(expected, Describe(mentions));
        Assert.All(mentions, m => Assert.Equal(m.Text, sentence.Substring(m.Start, m.Text.Length)));
    }

    // Each would resolve if it were read as a date: the article is anchored on a publication date.
    [Theory]
    [InlineData("Exports fell from US$147.78 billion in 2023 to US$143.55 billion.", "2023")]
    [InlineData("China set a growth target of around 5 percent.", "")]
    [InlineData("They reaffirmed the one-China policy.", "")]
    [InlineData("They met on the sidelines of the G20 summit.", "")]
    [InlineData("It was held on the sidelines of the 32nd APEC Economic Leaders’ Meeting.", "")]
    [InlineData("Both sides suspended the 24 percent reciprocal tariffs.", "")]
    [InlineData("He rated the talks a 12 on a scale of one to 10.", "")]
    [InlineData("The two powers may extend their fragile truce.", "")]
    [InlineData("Protesters will march on the capital.", "")]
    [InlineData("March on, the crowd chanted.", "")]
    [InlineData("A 45-year-old official led the delegation.", "")]
    [InlineData("They maintained roughly 100 active channels.", "")]
    [InlineData("Progress came across the Obama, Trump ‘45, and Biden administrations.", "")]
    [InlineData("Efforts date back to the 1970s.", "")]
    [InlineData("Over 2000 people attended.", "")]
    [InlineData("Beijing pledged over US$1 trillion and $200 billion.", "")]
    [InlineData("They met for about 90 minutes.", "")]
    public void IgnoresLookalikes(string sentence, string expectedYearsOnly)
    {
        var mentions = extractor.Extract(sentence, DateContext.PublishedOn(new DateOnly(2025, 11, 1)));

        Assert.Equal(expectedYearsOnly, string.Join(" | ", mentions.Select(m => m.Text)));
    }

    [Fact]
    public void ExplicitDates_AreMarkedForwardLooking_WhenTheTextLooksAhead()
    {
        var context = extractor.CreateContext(null,
        [
            "Both sides suspended the tariffs until November 10, 2026.",
            "The two leaders are expected to exchange visits in 2026.",
            "Measures adopted since early 2025 were rolled back.",
        ]);

        Assert.Equal(
            [new ExplicitDate(new DateOnly(2026, 11, 10), DatePrecision.Day, true),
             new ExplicitDate(new DateOnly(2026, 1, 1), DatePrecision.Year, true),
             new ExplicitDate(new DateOnly(2025, 1, 1), DatePrecision.Year, false)],
            context.ExplicitDates);
    }

    [Fact]
    public void OnlyForwardLookingDates_BoundThePast()
    {
        // The only dated fact is a deadline ahead: what already happened is placed on or before it.
        var context = extractor.CreateContext(null, ["The truce expires on March 1, 2026."]);

        var mention = Assert.Single(extractor.Extract("Negotiators met on November 2.", context));

        Assert.Equal(new DateOnly(2025, 11, 2), mention.Date);
    }

    [Fact]
    public void February29_TakesTheNearestLeapYear()
    {
        var mention = Assert.Single(extractor.Extract("The vote was held on February 29.", DateContext.PublishedOn(new DateOnly(2025, 3, 1))));

        Assert.Equal(new DateOnly(2024, 2, 29), mention.Date);
    }

    [Theory]
    [InlineData("The truce expires on March ٣, 2027.", "2027")]
    [InlineData("The deadline of 2027-٠٣-01 would hold.", "2027")]
    [InlineData("They agreed to a ٩٠-day truce.", "")]
    [InlineData("The truce holds for ٩٠ days.", "")]
    public void DigitsOfOtherScripts_AreNotReadAsDates(string sentence, string mentions) =>
        Assert.Equal(mentions, string.Join("; ", extractor.Extract(sentence, DateContext.PublishedOn(new DateOnly(2026, 11, 1))).Select(m => m.Text)));

    [Fact]
    public void ImpossibleDate_IsNotAMention() =>
        Assert.Empty(extractor.Extract("The talks ended on February 30, 2025.", DateContext.Empty));

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Describe(IEnumerable<DateMention> mentions) =>
        string.Join(" | ", mentions.Select(m => $"{m.Text}={m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{m.Precision}"));
}
