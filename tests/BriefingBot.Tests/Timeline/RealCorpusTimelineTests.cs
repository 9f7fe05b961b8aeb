using BriefingBot.Corpus;
using BriefingBot.Timeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Tests.Timeline;

/// <summary>The timeline of the shipped corpus, read with the real corpus reader.</summary>
public class RealCorpusTimelineTests
{
    private const string TariffSentence = "Both sides have suspended the 24 percent “reciprocal tariffs” for a year until November 10, 2026.";
    private const string BusanSentence = "On October 30, Chinese President Xi Jinping met with US President Donald Trump in Busan, South Korea, for about 90 minutes.";

    private static readonly IReadOnlyList<Article> Corpus = new CorpusReader(NullLogger<CorpusReader>.Instance).Read(RepositoryPaths.Corpus).Articles;

    private static IReadOnlyList<Milestone> Build(IReadOnlyList<Article> articles) => new TimelineBuilder(new DateExtractor()).Build(articles);

    private static Article ArticleStartingWith(string prefix) => Corpus.Single(a => a.Id.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void TariffSuspensionExpiry_IsADayDeadline_WithItsSourceSentence()
    {
        var milestone = Assert.Single(Build(Corpus), m => m.Source == TariffSentence);

        Assert.Equal(new DateOnly(2026, 11, 10), milestone.Date);
        Assert.Equal(DatePrecision.Day, milestone.Precision);
        Assert.Equal(MilestoneKind.Deadline, milestone.Kind);
        Assert.StartsWith("004_", milestone.Article.Id);
        Assert.Contains("suspended", milestone.Label);
    }

    [Fact]
    public void BusanMeeting_IsOnOctober30_2025_WithItsSourceSentence()
    {
        var milestone = Assert.Single(Build(Corpus), m => m.Source == BusanSentence);

        Assert.Equal(new DateOnly(2025, 10, 30), milestone.Date);
        Assert.Equal(DatePrecision.Day, milestone.Precision);
        Assert.Equal(MilestoneKind.Event, milestone.Kind);
        Assert.StartsWith("004_", milestone.Article.Id);
    }

    [Fact]
    public void BusanMeeting_ResolvesTo2025_EvenWithoutAPublicationDate()
    {
        // Without metadata the article's only full date in the body is the 2026 deadline it looks ahead to; its
        // reported past ("measures adopted since early 2025") places the yearless October 30 in 2025.
        var undated = ArticleStartingWith("004_") with { Published = null };

        var milestone = Assert.Single(Build([undated]), m => m.Source == BusanSentence);

        Assert.Equal(new DateOnly(2025, 10, 30), milestone.Date);
    }

    [Theory]
    [InlineData("004_", "2025-10-25", DatePrecision.Day, "Kuala")]
    [InlineData("004_", "2025-10-26", DatePrecision.Day, "Kuala")]
    [InlineData("004_", "2025-10-31", DatePrecision.Day, "press conference")]
    [InlineData("004_", "2025-10-31", DatePrecision.Day, "Dong Jun met")]
    [InlineData("004_", "2025-11-02", DatePrecision.Day, "CBS News")]
    [InlineData("004_", "2025-11-05", DatePrecision.Day, "YouTube")]
    [InlineData("004_", "2026-01-01", DatePrecision.Year, "exchange visits")]
    [InlineData("003_", "2025-11-01", DatePrecision.Month, "meeting in South Korea")]
    public void ReportedEvents_AreOnTheTimeline(string article, string date, DatePrecision precision, string labelPart) =>
        Assert.Single(Build(Corpus), m => m.Article.Id.StartsWith(article, StringComparison.Ordinal)
            && m.Date == DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)
            && m.Precision == precision
            && m.Label.Contains(labelPart, StringComparison.Ordinal));

    [Fact]
    public void PastNarrativeYears_StayOffTheTimeline()
    {
        // "The trade conflict … began in earnest in 2018", "With the Biden administration assuming leadership in 2021".
        Assert.DoesNotContain(Build(Corpus), m => m.Article.Id.StartsWith("002_", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryMilestone_QuotesASentenceOfItsCitedParagraph_WithAShortLabel()
    {
        var articles = Corpus.ToDictionary(a => a.Id);

        Assert.All(Build(Corpus), m =>
        {
            Assert.Contains(m.Source, articles[m.Article.Id].GetParagraph(m.Paragraph).Text, StringComparison.Ordinal);
            Assert.InRange(m.Label.Length, 1, 80);
        });
    }

    [Fact]
    public void Ids_AreStableAcrossReindexes()
    {
        var reread = new CorpusReader(NullLogger<CorpusReader>.Instance).Read(RepositoryPaths.Corpus).Articles;

        Assert.Equal(Build(Corpus).Select(m => m.Id), Build(reread).Select(m => m.Id));
        Assert.Equal(Build(Corpus).Count, Build(Corpus).Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public void Timeline_IsOldestFirst() =>
        Assert.Equal(Build(Corpus).Select(m => m.Date).Order(), Build(Corpus).Select(m => m.Date));
}
