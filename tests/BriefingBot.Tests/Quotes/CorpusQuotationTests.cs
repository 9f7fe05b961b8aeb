using BriefingBot.Corpus;
using BriefingBot.Quotes;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Tests.Quotes;

/// <summary>The quotations of the shipped corpus, read by the real <see cref="CorpusReader"/>.</summary>
public class CorpusQuotationTests
{
    private static readonly CorpusSnapshot Snapshot = new CorpusReader(NullLogger<CorpusReader>.Instance).Read(RepositoryPaths.Corpus);

    private static readonly IReadOnlyList<ArticleQuotations> Extracted =
        Snapshot.Articles.Select(new QuotationExtractor().Extract).ToArray();

    private static readonly IReadOnlyList<Quotation> All = Extracted.SelectMany(e => e.Quotations).ToArray();

    private static readonly PersonDirectory People = PersonDirectory.Build(Extracted.SelectMany(e => e.People));

    [Fact]
    public void WuXinbo_IsQuotedOnBothSignals_AcrossTheAttributionAndTheAddedParagraph()
    {
        AssertSaid("Wu Xinbo", "sent two important signals");
        AssertSaid("Wu Xinbo", "Dialogue, negotiation and mutual compromise are.");
        AssertSaid("Wu Xinbo", "positive development for the region and the world");
        Assert.All(Direct("Wu Xinbo"), q => Assert.Equal("Yu Xiaodong", q.Article.Author));
    }

    [Fact]
    public void DaWei_WroteTheTaiwanQuote()
    {
        AssertSaid("Da Wei", "less urgency to use military force");
    }

    [Fact]
    public void DongJun_UrgedAClearStance()
    {
        AssertSaid("Dong Jun", "take a clear stance");
    }

    [Fact]
    public void LiKeqiang_StatedTheOneChinaQuote()
    {
        AssertSaid("Li Keqiang", "one-China policy, which forms the political foundation");
    }

    [Fact]
    public void KennethWaltz_ArguesTheAbsoluteGainsQuote()
    {
        AssertSaid("Kenneth Waltz", "does not elicit their cooperation");
    }

    [Fact]
    public void PeterNavarro_CharacterisedEconomicAggression()
    {
        AssertSaid("Peter Navarro", "economic aggression");
    }

    [Fact]
    public void GaoZhikai_AliasVictorGao_HasTheTurningPointAndHisOwnWords()
    {
        var gao = Assert.Single(People.Resolve("Victor Gao"));

        Assert.Equal("Gao Zhikai", gao.Name);
        Assert.Equal(gao, Assert.Single(People.Resolve("gao zhikai")));
        AssertSaid("Gao Zhikai", "turning point");
        AssertSaid("Gao Zhikai", "China considers the US neither");
    }

    [Fact]
    public void XiJinping_IsQuotedInSeveralArticles_UnderOneName()
    {
        var xi = Direct("Xi Jinping");

        Assert.True(xi.Count >= 5, $"{xi.Count} quotations of Xi Jinping");
        Assert.True(xi.Select(q => q.Article.Id).Distinct().Count() >= 2);
        Assert.Contains(xi, q => q.Text.Contains("China has no intention to challenge or supplant anyone"));
        Assert.Contains(xi, q => q.Text.Contains("China and the US should be partners and friends"));
    }

    [Fact]
    public void ShenYiAndShenDingli_AreTwoPeople_EachWithTheirOwnQuote()
    {
        Assert.Equal(["Shen Dingli", "Shen Yi"], People.Resolve("Shen").Select(p => p.Name));
        AssertSaid("Shen Yi", "innovative way of thinking");
        AssertSaid("Shen Dingli", "must find someone reliable to talk with");
        Assert.DoesNotContain(Direct("Shen Yi"), q => q.Text.Contains("someone reliable"));
    }

    [Fact]
    public void ZhaoMinghao_ToldAndSaid()
    {
        AssertSaid("Zhao Minghao", "vicious cycle of mutual retaliation");
        AssertSaid("Zhao Minghao", "China must be prepared for unexpected changes");
    }

    [Fact]
    public void GuoJiakun_IsWhomHeSaidRefersTo()
    {
        AssertSaid("Guo Jiakun", "China will continue to practice true multilateralism");
    }

    [Fact]
    public void HenryKissinger_HasBothQuotes()
    {
        AssertSaid("Henry Kissinger", "If our two countries cooperate");
        AssertSaid("Henry Kissinger", "patience and diplomacy of its leaders");
    }

    [Fact]
    public void LiuHe_StatedTheNegotiationQuote()
    {
        AssertSaid("Liu He", "Negotiation will always bring about lower costs");
    }

    [Fact]
    public void JeffreyBader_SpeaksTheBlockQuoteAfterTheColon()
    {
        AssertSaid("Jeffrey Bader", "A U.S.-China cold war would not be like the U.S.-Soviet one");
    }

    [Fact]
    public void PeteHegseth_PledgedToDeconflict()
    {
        AssertSaid("Pete Hegseth", "deconflict and deescalate");
    }

    [Theory]
    [InlineData("G2")]
    [InlineData("Technology War 2.0")]
    [InlineData("co-equals")]
    [InlineData("Phase One")]
    [InlineData("guardrails")]
    [InlineData("win set")]
    public void ScareQuotes_AreNobodysWords(string term)
    {
        Assert.DoesNotContain(All, q => q.Speaker is not null && q.Kind == QuotationKind.Direct && q.Text.Trim('.', ',', ' ') == term);
    }

    [Fact]
    public void OlafScholz_IsNeverQuoted_AndTheQuestionSaysWhom()
    {
        var mention = People.FindIn("What did Olaf Scholz say?");

        Assert.NotNull(mention);
        Assert.False(mention.IsKnown);
        Assert.Equal("Olaf Scholz", mention.Span);
        Assert.DoesNotContain(All, q => q.Speaker?.Contains("Scholz") == true);
    }

    [Theory]
    [InlineData("What did Li Keqiang say about the one-China policy?", "Li Keqiang")]
    [InlineData("How did Peter Navarro characterise China's actions?", "Peter Navarro")]
    [InlineData("what did Wu Xinbo say", "Wu Xinbo")]
    [InlineData("What did Da Wei argue?", "Da Wei")]
    [InlineData("what did Dong Jun urge", "Dong Jun")]
    [InlineData("what did Victor Gao say", "Gao Zhikai")]
    [InlineData("What did President Xi say?", "Xi Jinping")]
    public void Questions_FindThePersonTheyAreAbout(string question, string person)
    {
        Assert.Equal(person, Assert.Single(People.FindIn(question)!.People).Name);
    }

    [Fact]
    public void EveryQuotation_IsVerbatimInItsParagraph()
    {
        foreach (var (article, extracted) in Snapshot.Articles.Zip(Extracted))
            foreach (var q in extracted.Quotations)
                Assert.True(article.GetParagraph(q.Paragraph).Text.Contains(q.Text, StringComparison.Ordinal),
                    $"{article.File} ¶{q.Paragraph}: \"{q.Text}\"");
    }

    [Fact]
    public void EveryArticle_NumbersItsQuotationsInReadingOrder()
    {
        foreach (var extracted in Extracted)
        {
            Assert.Equal(Enumerable.Range(0, extracted.Quotations.Count), extracted.Quotations.Select(q => q.Order));
            Assert.Equal(extracted.Quotations.Select(q => q.Paragraph).Order(), extracted.Quotations.Select(q => q.Paragraph));
        }
    }

    private static List<Quotation> Direct(string speaker) =>
        All.Where(q => q.Kind == QuotationKind.Direct && People.PersonFor(q.Speaker)?.Name == speaker).ToList();

    private static void AssertSaid(string speaker, string words)
    {
        var quotes = Direct(speaker);
        Assert.True(quotes.Any(q => q.Text.Contains(words, StringComparison.Ordinal)),
            $"{speaker} not quoted saying \"{words}\". Their quotations: {string.Join(" | ", quotes.Select(q => q.Text))}");
    }
}
