using System.Text.RegularExpressions;

namespace BriefingBot.Tests.Briefing;

/// <summary>Every quote of every answer is verbatim: found in its cited paragraph, and in the article file.</summary>
public sealed partial class VerbatimFidelityTests(ShippedCorpusFixture shipped) : IClassFixture<ShippedCorpusFixture>
{
    public static IEnumerable<object[]> Questions() =>
        QuestionSet.Dev.Cases.Select(c => new object[] { c.GetProperty("q").GetString()! })
            .Concat(new[]
            {
                "what did Xi Jinping say", "what did Henry Kissinger say", "who warned about a cold war",
                "what did Zhao Minghao say", "tariffs on fentanyl", "What did Victor Gao say?", "quotes by Jeffrey Bader",
            }.Select(q => new object[] { q }));

    [Theory]
    [MemberData(nameof(Questions))]
    public void EveryQuote_IsInItsCitedParagraph_AndInTheArticleFile(string question)
    {
        var answer = shipped.Briefing.Ask(question);
        foreach (var item in answer.Results)
        {
            var article = shipped.Corpus.Articles.Single(a => a.Id == item.Article.Id);
            Assert.Equal(article.File, item.Article.File);
            Assert.Contains(Squash(item.Quote), Squash(article.GetParagraph(item.Paragraph).Text));
            var file = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, item.Article.File));
            Assert.Contains(Squash(item.Quote), Squash(file));
        }
    }

    private static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
