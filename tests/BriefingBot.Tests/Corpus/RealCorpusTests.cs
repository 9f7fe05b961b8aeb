using System.Text.RegularExpressions;
using BriefingBot.Corpus;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Tests.Corpus;

/// <summary>The shipped corpus: five real articles laid out five different ways.</summary>
public class RealCorpusTests
{
    private static readonly CorpusSnapshot Snapshot = new CorpusReader(NullLogger<CorpusReader>.Instance).Read(RepositoryPaths.Corpus);

    private static Article ArticleStartingWith(string prefix) => Snapshot.Articles.Single(a => a.Id.StartsWith(prefix, StringComparison.Ordinal));

    public static TheoryData<string> Furniture => ["Print", "Leave a Reply", "Tags:", "You May Also Like", "Old Version", "Disclaimer", "By ", "Figure ", "Source", "(Photo by"];

    [Theory]
    [MemberData(nameof(Furniture))]
    public void Furniture_NeverStartsAParagraph(string furniture) =>
        Assert.DoesNotContain(Snapshot.Articles.SelectMany(a => a.Paragraphs), p => p.Text.StartsWith(furniture, StringComparison.Ordinal));

    [Fact]
    public void PhotoCaptions_AreNotParagraphs() =>
        Assert.DoesNotContain(Snapshot.Articles.SelectMany(a => a.Paragraphs), p => Regex.IsMatch(p.Text, @"\(Photo by [^)]*\)$"));

    [Fact]
    public void NoParagraph_IsAShortLineWithoutTerminalPunctuation()
    {
        // Section headings ("De-escalation", "Conclusion") are left out of the body.
        var headingLike = Snapshot.Articles.SelectMany(a => a.Paragraphs)
            .Where(p => p.Text.Split(' ').Length <= 15 && !".!?:”\"".Contains(p.Text[^1]));
        Assert.Empty(headingLike);
    }

    [Fact]
    public void EveryParagraph_IsVerbatimInItsFile()
    {
        foreach (var article in Snapshot.Articles)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, article.File));
            Assert.All(article.Paragraphs, p => Assert.Contains(p.Text, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Sentences_FollowOneAnotherInTheirParagraph_AndTogetherCoverIt()
    {
        foreach (var paragraph in Snapshot.Articles.SelectMany(a => a.Paragraphs))
        {
            Assert.NotEmpty(paragraph.Sentences);
            var previousEnd = 0;
            foreach (var sentence in paragraph.Sentences)
            {
                Assert.InRange(sentence.Start, previousEnd, sentence.End - 1);
                previousEnd = sentence.End;
            }
            Assert.InRange(previousEnd, 1, paragraph.Text.Length);
            Assert.Equal(
                Regex.Replace(paragraph.Text, @"\s+", ""),
                Regex.Replace(string.Concat(paragraph.Sentences.Select(paragraph.TextOf)), @"\s+", ""));
        }
    }

    [Fact]
    public void Articles_AreInOrdinalPathOrder() =>
        Assert.Equal(Snapshot.Articles.Select(a => a.File).Order(StringComparer.Ordinal), Snapshot.Articles.Select(a => a.File));

    [Fact]
    public void ArticleWithLabelHeadlineBylineAndUpdatedDate_ReadsAll()
    {
        var article = ArticleStartingWith("004_");

        Assert.Equal("An ‘Inevitable Peace’?", article.Title);
        Assert.Equal("Yu Xiaodong", article.Author);
        Assert.Equal(new DateOnly(2026, 1, 1), article.Published);
        Assert.StartsWith("President Xi and President Trump’s meeting in South Korea", article.GetParagraph(1).Text);
        Assert.StartsWith("On October 30, Chinese President Xi Jinping met", article.GetParagraph(2).Text);
    }

    [Fact]
    public void ArticleWithBylineAtTheEnd_HasItsHeadlineAndAuthor()
    {
        var article = ArticleStartingWith("002_");

        Assert.Equal("US-China negotiations proceed as hopes strengthen for trade war truce extension", article.Title);
        Assert.Equal("Anderson W. White", article.Author);
        Assert.Null(article.Published);
        Assert.StartsWith("Diplomatic negotiations between the United States and China have resumed", article.GetParagraph(1).Text);
        Assert.StartsWith("As discussions advance", article.Paragraphs[^1].Text);
    }

    [Fact]
    public void ArticleOpeningWithAuthorBio_HasThatAuthor_AndBodyAfterIt()
    {
        var article = ArticleStartingWith("001_");

        Assert.Equal("Hoimontick Gogoi", article.Author);
        Assert.Null(article.Title);
        Assert.StartsWith("Negotiation in international relations refers to", article.GetParagraph(1).Text);
    }

    [Fact]
    public void ArticlesThatNameNoAuthor_HaveNone()
    {
        Assert.Null(ArticleStartingWith("000_").Author);
        Assert.Null(ArticleStartingWith("003_").Author);
    }

    [Fact]
    public void ThinkTankPiece_EndsBeforeItsAcknowledgements()
    {
        var article = ArticleStartingWith("003_");

        Assert.StartsWith("Members of the policy communities in Washington and Beijing", article.GetParagraph(1).Text);
        Assert.StartsWith("Even so, Trump and Xi can still escape", article.Paragraphs[^1].Text);
    }

    [Fact]
    public void SpanishParagraph_IsBody() =>
        Assert.Contains(ArticleStartingWith("002_").Paragraphs, p => p.Text.StartsWith("Para Washington, los objetivos", StringComparison.Ordinal));

    [Fact]
    public void Snapshot_CarriesTheFolderFingerprint() =>
        Assert.Equal(CorpusFingerprint.Compute(RepositoryPaths.Corpus), Snapshot.Fingerprint);
}
