using BriefingBot.Corpus;
using BriefingBot.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Tests.Search;

public sealed class PassagesTests
{
    private static readonly CorpusSnapshot Shipped = new CorpusReader(NullLogger<CorpusReader>.Instance).Read(RepositoryPaths.Corpus);

    [Fact]
    public void LongParagraph_IsCutIntoOverlappingWindowsOfThreeSentences()
    {
        var sentences = Enumerable.Range(1, 6).Select(i => $"Sentence number {i} says something long enough to count here, about the tariff truce and its terms.").ToList();
        var text = string.Join(' ', sentences);
        var paragraph = new Paragraph(1, text, sentences.Select(s => new Sentence(text.IndexOf(s, StringComparison.Ordinal), s.Length)).ToList());
        var article = new Article("a", "a.txt", null, null, null, null, [paragraph]);

        var passages = Passages.Of(article).Select(p => p.Text).ToList();

        Assert.Equal([string.Join(' ', sentences[0..3]), string.Join(' ', sentences[2..5]), string.Join(' ', sentences[4..6])], passages);
        Assert.Equal(3, Passages.CountOf(article));
    }

    [Fact]
    public void CountOf_IsHowManyPassagesOfCuts_ForEveryShippedArticle() =>
        Assert.All(Shipped.Articles, article => Assert.Equal(Passages.Of(article).Count(), Passages.CountOf(article)));
}
