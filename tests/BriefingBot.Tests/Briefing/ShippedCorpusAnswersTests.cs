namespace BriefingBot.Tests.Briefing;

/// <summary>Answers on the shipped corpus beyond the development questions: aliases, dates, titles.</summary>
public sealed class ShippedCorpusAnswersTests(ShippedCorpusFixture shipped) : IClassFixture<ShippedCorpusFixture>
{
    [Fact]
    public void AnAliasAndTheCanonicalName_GiveTheSameAnswer()
    {
        var byAlias = shipped.Briefing.Ask("what did Victor Gao say").Results;
        var byName = shipped.Briefing.Ask("what did Gao Zhikai say").Results;

        Assert.NotEmpty(byName);
        Assert.Equal(byName.Select(r => (r.Quote, r.Paragraph)), byAlias.Select(r => (r.Quote, r.Paragraph)));
        Assert.All(byName.Where(r => r.Speaker is not null), r => Assert.Equal("Gao Zhikai", r.Speaker));
    }

    [Fact]
    public void WhenQuestion_AboutAnExpiry_ReturnsTheSentenceWithItsDate()
    {
        var first = shipped.Briefing.Ask("When does the tariff truce expire?").Results[0];

        Assert.Contains("until November 10, 2026", first.Quote);
        Assert.Equal("Yu Xiaodong", first.Article.Author);
    }

    [Fact]
    public void TitlePlusSurname_ResolvesToThePerson() =>
        Assert.Contains(shipped.Briefing.Ask("what did President Xi say").Results, r => r.Speaker == "Xi Jinping");

    [Fact]
    public void ShenYiAndShenDingli_AreNeverMerged()
    {
        Assert.DoesNotContain(shipped.Briefing.Ask("what did Shen Yi say").Results, r => r.Speaker == "Shen Dingli");
        Assert.DoesNotContain(shipped.Briefing.Ask("what did Shen Dingli say").Results, r => r.Speaker == "Shen Yi");
    }

    [Fact]
    public void ScareQuotes_AreNobodysWords() =>
        Assert.DoesNotContain(shipped.Briefing.Ask("what is the G2 concept").Results, r => r.Speaker is not null);
}
