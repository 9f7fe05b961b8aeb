using System.Security.Cryptography;
using System.Text;
using BriefingBot.Corpus;

namespace BriefingBot.Tests.Corpus;

public sealed class ArticleContentHashTests
{
    private static Article Article(string? title, string? author, DateOnly? published, params string[] paragraphs) =>
        new("a", "a.txt", title, author, published, null,
            paragraphs.Select((text, i) => new Paragraph(i + 1, text, [new Sentence(0, text.Length)])).ToList());

    // An index built by an earlier version holds hashes of this text: a different hash would mark every article as
    // new after an upgrade, and the next digest would announce the whole corpus.
    private static string HashOfWholeText(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    [Fact]
    public void IsTheHashOfTitleAuthorDateAndParagraphs_AsEarlierIndexesStoredIt()
    {
        var article = Article("Truce “holds”", "Wu Xinbo", new DateOnly(2025, 11, 1), "First — paragraph.", "Second 😀 paragraph.");

        var expected = HashOfWholeText(
            "Truce “holds”" + Environment.NewLine + "Wu Xinbo" + Environment.NewLine + "2025-11-01" + Environment.NewLine
            + "First — paragraph.\nSecond 😀 paragraph.");

        Assert.Equal(expected, article.ContentHash);
    }

    [Fact]
    public void LeavesOutMissingTitleAuthorAndDate_ButKeepsTheirLines()
    {
        var article = Article(null, null, null, "Only paragraph.");

        var expected = HashOfWholeText(Environment.NewLine + Environment.NewLine + Environment.NewLine + "Only paragraph.");

        Assert.Equal(expected, article.ContentHash);
    }

    [Fact]
    public void ChangesWhenAParagraphChanges()
    {
        Assert.NotEqual(
            Article("T", "A", null, "One.", "Two.").ContentHash,
            Article("T", "A", null, "One.", "Two!").ContentHash);
    }
}
