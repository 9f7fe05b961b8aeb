using BriefingBot.Corpus;
using BriefingBot.Search;

namespace BriefingBot.Tests.Search;

public sealed class GenerationWriterTests
{
    private static Article Article(string id, int characters) =>
        new(id, id + ".txt", null, null, null, null, [new Paragraph(1, new string('x', characters), [])]);

    [Fact]
    public void PassageShards_TakeConsecutiveArticles_WithAboutHalfTheTextEach()
    {
        Article[] articles = [Article("a", 100), Article("b", 300), Article("c", 100), Article("d", 100), Article("e", 200)];

        var parts = GenerationWriter.SplitByText(articles, 2);

        Assert.Equal([["a", "b"], ["c", "d", "e"]], parts.Select(p => p.Select(a => a.Id).ToArray()).ToArray());
    }

    [Fact]
    public void PassageShards_OfAnEmptyOrOneArticleCorpus_AreStillTwo()
    {
        Assert.Equal([0, 0], GenerationWriter.SplitByText([], 2).Select(p => p.Count));
        Assert.Equal([1, 0], GenerationWriter.SplitByText([Article("a", 10)], 2).Select(p => p.Count));
    }
}
