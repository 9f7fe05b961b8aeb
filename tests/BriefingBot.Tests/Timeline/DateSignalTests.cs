using BriefingBot.Corpus;
using BriefingBot.Timeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Tests.Timeline;

/// <summary>
/// The cheap test that lets the timeline skip sentences: it may let a dateless sentence through, but must never
/// turn away one that holds a date.
/// </summary>
public class DateSignalTests
{
    private readonly DateExtractor extractor = new();

    [Theory]
    [InlineData("The truce ends Nov. 10, 2026.")]
    [InlineData("Updated Jan.1")]
    [InlineData("Xi will see Trump at the summit in November.")]
    [InlineData("Measures adopted since early 2025 were rolled back.")]
    [InlineData("This May the ministers meet again.")]
    [InlineData("The report is due on 2026-11-10.")]
    [InlineData("A pledging conference will open next Tuesday in Hamburg.")]
    [InlineData("Officials met on Friday.")]
    public void SentenceWithADate_MayHoldOne(string sentence) => Assert.True(DateExtractor.MayHoldDate(sentence));

    [Theory]
    [InlineData("Officials met last week and will meet again soon.")]
    [InlineData("The ministers may march on regardless.")]
    [InlineData("“Dialogue is better than confrontation,” Wu said.")]
    public void SentenceWithoutDigitsOrMonthNames_CannotHoldOne(string sentence) => Assert.False(DateExtractor.MayHoldDate(sentence));

    [Fact]
    public void EverySentenceOfTheNormalisationTableWithADate_MayHoldOne()
    {
        // The table of every date form the extractor reads: a form added there must pass this test too.
        var method = typeof(DateExtractorTests).GetMethod(nameof(DateExtractorTests.Normalises))!;
        var rows = method.GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .SelectMany(a => a.GetData(method)).ToList();

        Assert.True(rows.Count > 20);
        Assert.All(rows.Where(r => (string)r[3] != ""), r => Assert.True(DateExtractor.MayHoldDate((string)r[0]), (string)r[0]));
    }

    [Fact]
    public void EverySentenceOfTheShippedCorpusThatIsTurnedAway_HasNoDate()
    {
        var corpus = new CorpusReader(NullLogger<CorpusReader>.Instance).Read(RepositoryPaths.Corpus);
        // A publication date, so partial dates ("October 30") resolve and count as found.
        var context = new DateContext(new DateOnly(2025, 11, 15), []);
        var sentences = corpus.Articles.SelectMany(a => a.Paragraphs).SelectMany(p => p.Sentences.Select(p.TextOf)).ToList();

        var turnedAway = sentences.Where(s => !DateExtractor.MayHoldDate(s)).ToList();

        Assert.NotEmpty(turnedAway);
        Assert.All(turnedAway, s => Assert.Empty(extractor.Extract(s, context)));
        Assert.Contains(sentences, s => DateExtractor.MayHoldDate(s) && extractor.Extract(s, context).Count > 0);
    }
}
