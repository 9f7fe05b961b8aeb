using BriefingBot.Search;

namespace BriefingBot.Tests.Search;

public sealed class SafeQueryTests
{
    [Theory]
    [InlineData("How much did the Belt and Road Initiative pledge?", "bri")]
    [InlineData("rules of the World Trade Organization", "wto")]
    public void CapitalisedNames_AlsoSearchTheirAcronym(string text, string acronym) =>
        Assert.Contains(acronym, SafeQuery.Acronyms(text));

    [Fact]
    public void TwoWordNames_AreNotTurnedIntoAcronyms() =>
        Assert.Empty(SafeQuery.Acronyms("What did Da Wei argue in Kuala Lumpur?"));

    [Fact]
    public void QuerySyntax_IsOnlyWords()
    {
        using var analyzer = Fields.CreateAnalyzer();
        var terms = new SafeQuery(analyzer).Terms(Fields.Body, "title:\"G2 AND ( tariffs* ~2 ^3 [a TO b]");
        Assert.Contains("g2", terms);
        Assert.Contains("tariff", terms);
        Assert.DoesNotContain(terms, t => t.Any(c => "\"():*~^[]".Contains(c)));
    }

    [Theory]
    [InlineData("Where did the two leaders meet?", "The two leaders met in Busan.")]
    [InlineData("Who sought a grace period?", "Hanoi would seek a grace period.")]
    [InlineData("Where were the talks held?", "The two sides hold talks in Madrid.")]
    public void IrregularVerbForms_MeetTheirBaseForm(string question, string passage)
    {
        using var analyzer = Fields.CreateAnalyzer();
        var query = new SafeQuery(analyzer);
        var verb = Assert.Single(query.Terms(Fields.Body, question), t => t is "meet" or "seek" or "hold");
        Assert.Contains(verb, query.Terms(Fields.Body, passage));
    }

    [Fact]
    public void TermsAreCapped_SoAHugePasteStaysAQuery()
    {
        using var analyzer = Fields.CreateAnalyzer();
        var text = string.Join(' ', Enumerable.Range(0, 5_000).Select(i => $"word{i}"));
        Assert.True(new SafeQuery(analyzer).Terms(Fields.Body, text).Count <= 48);
    }
}
