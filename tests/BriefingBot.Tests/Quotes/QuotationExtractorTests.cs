using BriefingBot.Quotes;

namespace BriefingBot.Tests.Quotes;

/// <summary>
/// Attribution rules, each on a small article written here with invented people, so that nothing can pass by
/// knowing the shipped corpus.
/// </summary>
public class QuotationExtractorTests
{
    private static readonly QuotationExtractor Extractor = new();

    [Fact]
    public void SayVerbAfterQuote_AttributesToTheNamedSpeaker()
    {
        var result = Extract("“We will not walk away from the table,” Marta Kowalczyk said on Tuesday.");

        AssertSpoken(result, "We will not walk away from the table", "Marta Kowalczyk");
    }

    [Fact]
    public void SaidBeforeName_WithAppositive_AttributesToTheName()
    {
        var result = Extract("“Tariffs are a blunt instrument,” said Tobias Lindqvist, a senior fellow at the Nordlys Institute.");

        AssertSpoken(result, "Tariffs are a blunt instrument", "Tobias Lindqvist");
    }

    [Fact]
    public void StatedThatBeforeQuote_StripsTitleFromTheSpeaker()
    {
        var result = Extract("Finance Minister Priya Raman stated that, “The budget will hold whatever the markets do.”");

        AssertSpoken(result, "The budget will hold whatever the markets do.", "Priya Raman");
    }

    [Fact]
    public void ArguesThat_WesternName_AttributesTheQuote()
    {
        var result = Extract("The theorist Anselm Brook argues that “trust is built in small steps and lost in large ones”.");

        AssertSpoken(result, "trust is built in small steps and lost in large ones", "Anselm Brook");
    }

    [Fact]
    public void AsSpeakerWithYearCautioned_SkipsTheParenthesis()
    {
        var result = Extract("As Anselm Brook (2004) cautioned, “No agreement survives contact with an election year”.");

        AssertSpoken(result, "No agreement survives contact with an election year", "Anselm Brook");
    }

    [Fact]
    public void PartialQuoteInReportedClause_IsTheSubjectsWords()
    {
        var result = Extract(
            "Finance Minister Priya Raman met her counterparts in Oslo.",
            "During the meeting, Raman urged the delegates to “keep the door open” to further talks.");

        AssertSpoken(result, "keep the door open", "Priya Raman");
    }

    [Fact]
    public void ShortQuoteAfterToldThat_IsTheSpeakers()
    {
        var result = Extract(
            "Prime Minister Aldo Ferrante returned from the summit.",
            "Ferrante told reporters on the plane that he rated the meeting a “ten out of ten.”");

        AssertSpoken(result, "ten out of ten.", "Aldo Ferrante");
    }

    [Fact]
    public void QuoteAttributionQuote_GivesBothQuotesToTheSpeaker()
    {
        var result = Extract(
            "“It sent a clear message,” Liang Haoran, a professor of economics at Riverton University, told the Daily Ledger. “Pressure alone does not work. Talking does.”");

        AssertSpoken(result, "It sent a clear message", "Liang Haoran");
        AssertSpoken(result, "Pressure alone does not work. Talking does.", "Liang Haoran");
    }

    [Fact]
    public void AddedWithSurnameOnly_ChineseOrder_ResolvesToTheFullName()
    {
        var result = Extract(
            "“It sent a clear message,” Liang Haoran, a professor of economics at Riverton University, told the Daily Ledger.",
            "“Both sides want stability more than victory,” Liang added.");

        AssertSpoken(result, "Both sides want stability more than victory", "Liang Haoran");
    }

    [Fact]
    public void AddedWithSurnameOnly_WesternOrder_ResolvesToTheFullName()
    {
        var result = Extract(
            "“Tariffs are a blunt instrument,” said Tobias Lindqvist, a senior fellow at the Nordlys Institute.",
            "“They hurt the exporters first,” Lindqvist added.");

        AssertSpoken(result, "They hurt the exporters first", "Tobias Lindqvist");
    }

    [Fact]
    public void QuoteOnlyParagraph_ContinuesTheSpeakerOfThePreviousParagraph()
    {
        var result = Extract(
            "“The review is not a retreat,” Zhou Lan, a trade official, said.",
            "“We are simply counting what each side has delivered so far.”",
            "“Then we decide,” Zhou added.");

        AssertSpoken(result, "We are simply counting what each side has delivered so far.", "Zhou Lan");
        AssertSpoken(result, "Then we decide", "Zhou Lan");
    }

    [Fact]
    public void RunOnQuote_AcrossParagraphs_OneQuotationPerParagraph_SameSpeaker()
    {
        var article = TestArticles.FromText(string.Join('\n',
            "Marta Kowalczyk, the chief negotiator, spoke after the session.",
            "“The first phase of the talks is over, and nobody expected it to last forever.",
            "“Now we have to start again from the beginning,” Kowalczyk said."));

        var quotations = Extractor.Extract(article).Quotations.Where(q => q.Kind == QuotationKind.Direct).ToList();

        Assert.Equal(2, quotations.Count);
        Assert.Equal([2, 3], quotations.Select(q => q.Paragraph));
        Assert.All(quotations, q => Assert.Equal("Marta Kowalczyk", q.Speaker));
        Assert.All(quotations, q => Assert.Contains(q.Text, article.GetParagraph(q.Paragraph).Text));
    }

    [Fact]
    public void ColonEndedParagraph_IntroducesTheBlockQuoteThatFollows()
    {
        var result = Extract(
            "In a 2019 essay, the late historian Walter Brandt warned his readers:",
            "“Nations that stop talking start preparing. Every broken channel makes the next crisis harder to manage.”");

        AssertSpoken(result, "Nations that stop talking start preparing. Every broken channel makes the next crisis harder to manage.", "Walter Brandt");
    }

    [Fact]
    public void PronounAfterQuote_ResolvesToTheLastPersonNamed()
    {
        var result = Extract(
            "At a briefing on Monday, ministry spokesperson Ines Moreau repeated the government’s position.",
            "“We will keep every channel open,” she said.");

        AssertSpoken(result, "We will keep every channel open", "Ines Moreau");
    }

    [Fact]
    public void PronounAddedInSameParagraph_ContinuesTheSpeaker()
    {
        var result = Extract(
            "Prime Minister Aldo Ferrante spoke to reporters.",
            "“The deal is fair,” Ferrante said. “Nobody lost face, and nobody should pretend otherwise,” he added.");

        AssertSpoken(result, "Nobody lost face, and nobody should pretend otherwise", "Aldo Ferrante");
    }

    [Fact]
    public void TitlePlusSurname_ResolvesToTheFullName()
    {
        var result = Extract(
            "Prime Minister Aldo Ferrante arrived in Lisbon on Friday.",
            "“We came to listen,” Prime Minister Ferrante said.");

        AssertSpoken(result, "We came to listen", "Aldo Ferrante");
    }

    [Fact]
    public void AliasInParentheses_IsRecordedOnThePerson()
    {
        var result = Extract(
            "According to Chen Boyuan (Bill Chen), a director at the Harbor Policy Forum, the agreement is a “new beginning” for both sides.",
            "“Neither side sees the other as an enemy any more,” Chen said.");

        var person = Assert.Single(result.People);
        Assert.Equal("Chen Boyuan", person.Name);
        Assert.Equal(["Bill Chen"], person.Aliases);
        AssertSpoken(result, "new beginning", "Chen Boyuan");
        AssertSpoken(result, "Neither side sees the other as an enemy any more", "Chen Boyuan");
    }

    [Fact]
    public void AccordingToSentence_IsReportedSpeechOfTheSource()
    {
        var result = Extract("According to Zhou Mingyu, a researcher at the Eastbridge Institute, the truce will probably hold until spring.");

        var reported = Assert.Single(result.Quotations, q => q.Kind == QuotationKind.Reported);
        Assert.Equal("Zhou Mingyu", reported.Speaker);
        Assert.StartsWith("According to Zhou Mingyu", reported.Text);
    }

    [Fact]
    public void ArguedThatWithoutQuoteMarks_IsReportedSpeech()
    {
        var result = Extract(
            "In a commentary published on Monday, Zhou Mingyu, a researcher at the Eastbridge Institute, argued that both governments should slow down.");

        var reported = Assert.Single(result.Quotations);
        Assert.Equal(QuotationKind.Reported, reported.Kind);
        Assert.Equal("Zhou Mingyu", reported.Speaker);
    }

    [Fact]
    public void ModalSay_IsNotReportedSpeech()
    {
        var result = Extract(
            "Prime Minister Aldo Ferrante arrived in Lisbon on Friday.",
            "Ferrante could say that the talks failed, but he would lose leverage.");

        Assert.Empty(result.Quotations);
    }

    [Fact]
    public void ScareQuotes_WithoutSayVerb_AreNobodysQuotation()
    {
        var result = Extract(
            "Marta Kowalczyk, the chief negotiator, spoke after the session.",
            "The so-called “grand bargain” never materialised, and analysts describe the plan as a “reset”.");

        Assert.DoesNotContain(result.Quotations, q => q.Text.Contains("grand bargain") || q.Text.Contains("reset"));
        Assert.All(result.Quotations, q => Assert.NotEqual("Marta Kowalczyk", q.Speaker));
    }

    [Fact]
    public void ScareQuoteInIntroductoryClause_IsNotGivenToTheLaterSpeaker()
    {
        var result = Extract(
            "Marta Kowalczyk, the chief negotiator, spoke after the session.",
            "Noting that both sides are now treated as “stakeholders,” Kowalczyk said the talks would resume in a “spirit of realism.”");

        Assert.DoesNotContain(result.Quotations, q => q.Kind == QuotationKind.Direct && q.Text.Contains("stakeholders"));
        AssertSpoken(result, "spirit of realism.", "Marta Kowalczyk");
    }

    [Fact]
    public void UnnamedSpeaker_LeavesTheQuoteUnattributed()
    {
        var result = Extract("In the video, a narrator intoned, “The door remains open to every partner who comes in good faith.”");

        var quotation = Assert.Single(result.Quotations);
        Assert.Null(quotation.Speaker);
        Assert.Empty(result.People);
    }

    [Fact]
    public void NamedOrganisation_CanBeTheSpeaker()
    {
        var result = Extract("The Ministry of Trade made its position clear, by stating: “No tariff will be lifted before the review ends.”");

        AssertSpoken(result, "No tariff will be lifted before the review ends.", "Ministry of Trade");
    }

    [Fact]
    public void SpacesInsideQuoteMarks_AreTrimmedFromTheText()
    {
        var result = Extract("Finance Minister Priya Raman said, “ Patience will win over pressure every time ”.");

        AssertSpoken(result, "Patience will win over pressure every time", "Priya Raman");
    }

    [Fact]
    public void StraightQuoteMarks_AreQuotes()
    {
        var result = Extract("\"We are ready to sign today,\" said Tobias Lindqvist.");

        AssertSpoken(result, "We are ready to sign today", "Tobias Lindqvist");
    }

    [Fact]
    public void OpeningMarkTypedAsClosingMark_StillClosesTheQuote()
    {
        var result = Extract("“We are ready to sign whenever the other side is,“ Tobias Lindqvist said.");

        AssertSpoken(result, "We are ready to sign whenever the other side is", "Tobias Lindqvist");
    }

    [Fact]
    public void Apostrophes_AreNotQuoteMarks()
    {
        var result = Extract("Beijing’s and Washington’s negotiators met in Oslo, and the ministers’ aides prepared the Trump ‘45 files.");

        Assert.Empty(result.Quotations);
    }

    [Fact]
    public void SingleQuotedHeading_DoesNotInheritTheSpeakerBefore()
    {
        var result = Extract(
            "“We will keep every channel open,” Ines Moreau, a ministry spokesperson, said.",
            "‘Common Ground’",
            "Both governments have long argued for mutual respect.");

        Assert.DoesNotContain(result.Quotations, q => q.Text.Contains("Common Ground"));
    }

    [Fact]
    public void SharedSurnameInOneArticle_ResolvesToTheMostRecentlyNamed()
    {
        var result = Extract(
            "“Both sides gained,” said Zhou Mingyu, a researcher at the Eastbridge Institute.",
            "Zhou Lan, a trade official, disagreed with the assessment.",
            "“Nobody gained anything yet,” Zhou said.");

        AssertSpoken(result, "Both sides gained", "Zhou Mingyu");
        AssertSpoken(result, "Nobody gained anything yet", "Zhou Lan");
    }

    [Fact]
    public void QuotationOrder_FollowsReadingOrder()
    {
        var result = Extract(
            "“First words,” said Tobias Lindqvist.",
            "According to Zhou Mingyu, a researcher, the truce will hold.",
            "“Last words,” Lindqvist added.");

        Assert.Equal(Enumerable.Range(0, result.Quotations.Count), result.Quotations.Select(q => q.Order));
        Assert.Equal(["First words", "Last words"], result.Quotations.Where(q => q.Kind == QuotationKind.Direct).Select(q => q.Text));
    }

    [Fact]
    public void HonorificAndSurname_ResolvesToTheFullName()
    {
        var result = Extract(
            "Foreign ministry spokesman Lin Jian was asked about the visit on Tuesday.",
            "“We expect concrete results,” Mr. Lin said, adding: “Words are not enough.”");

        AssertSpoken(result, "We expect concrete results", "Lin Jian");
        AssertSpoken(result, "Words are not enough.", "Lin Jian");
    }

    [Fact]
    public void NameSetOffByCommasBeforeTheVerb_IsTheSpeaker()
    {
        var result = Extract("The ministry’s chief spokesman, Lin Jian, said: “The visit will go ahead as planned next week.”");

        AssertSpoken(result, "The visit will go ahead as planned next week.", "Lin Jian");
    }

    [Fact]
    public void PersonOfAnOrganisation_IsTheSpeaker_NotTheOrganisation()
    {
        var result = Extract(
            "In an interview, Elena Varga of the Danube Policy Institute told me:",
            "“Nobody in this negotiation believes the other side will blink first.”");

        AssertSpoken(result, "Nobody in this negotiation believes the other side will blink first.", "Elena Varga");
    }

    [Fact]
    public void MultiWordSurname_UsedAlone_ResolvesToTheFullName()
    {
        var result = Extract(
            "Ursula von der Leyen, president of the commission, spoke first.",
            "“We will not be naïve about dependencies,” von der Leyen said.");

        AssertSpoken(result, "We will not be naïve about dependencies", "Ursula von der Leyen");
    }

    [Fact]
    public void TitledSurnameSharedByTwo_ResolvesByTheTitle()
    {
        var result = Extract(
            "Li Qiang, the country’s premier, opened the forum on Monday.",
            "Li Ming, a retired diplomat, was more cautious about the outlook.",
            "“We welcome every foreign investor,” Premier Li said.");

        AssertSpoken(result, "We welcome every foreign investor", "Li Qiang");
    }

    [Fact]
    public void AdverbSetOffByCommas_DoesNotHideTheSpeaker()
    {
        var result = Extract(
            "Marta Kowalczyk, the chief negotiator, spoke after the session.",
            "Kowalczyk, however, said that “nobody should expect a grand bargain this year.”");

        AssertSpoken(result, "nobody should expect a grand bargain this year.", "Marta Kowalczyk");
    }

    [Fact]
    public void NameAfterADash_SignsTheQuote()
    {
        var result = Extract("“Trade wars are easy to start and very hard to end.” — Tobias Lindqvist, Nordlys Institute");

        AssertSpoken(result, "Trade wars are easy to start and very hard to end.", "Tobias Lindqvist");
    }

    [Fact]
    public void MarkdownEmphasis_AroundTheQuote_KeepsTheAttribution()
    {
        var result = Extract("*“We are ready to sign whenever they are,”* said Tobias Lindqvist.");

        AssertSpoken(result, "We are ready to sign whenever they are", "Tobias Lindqvist");
    }

    [Fact]
    public void UnattributedTitleInCapitals_IsNotAQuotation()
    {
        var result = Extract("The report, titled “Pathways to Peace in a Divided World,” was released on Monday.");

        Assert.Empty(result.Quotations);
    }

    [Fact]
    public void QuoteBeforeANamedCritic_IsNotGivenToTheSpeakerOfTheNextClause()
    {
        var result = Extract(
            "Marta Kowalczyk, the chief negotiator, spoke after the session.",
            "Critics call it “a disaster for the farmers of the valley,” but Kowalczyk said the deal was “a real breakthrough.”");

        Assert.Null(result.Quotations.Single(q => q.Text.StartsWith("a disaster")).Speaker);
        AssertSpoken(result, "a real breakthrough.", "Marta Kowalczyk");
    }

    [Theory]
    [InlineData("")]
    [InlineData("“")]
    [InlineData("\"")]
    [InlineData("” stray closing mark and “ an opening one that never closes")]
    [InlineData("‘ ’ “” \"\" ‘’")]
    [InlineData("Said. Told: “,” he said.")]
    [InlineData("\u0001\u0002 control “characters” and emoji 🤝 “inside 🎉 quotes,” said Zoë Ångström.")]
    public void HostileText_NeverThrows_AndEveryQuoteIsVerbatim(string paragraph)
    {
        var article = TestArticles.FromText(paragraph + "\n" + paragraph);

        var result = Extractor.Extract(article);

        Assert.All(result.Quotations, q => Assert.Contains(q.Text, article.GetParagraph(q.Paragraph).Text));
    }

    [Fact]
    public void KoreanNameWithHyphenatedGivenName_IsOneSpeaker_AndItsSurnameRefersToIt()
    {
        var result = Extract(
            "The panel is chaired by Park Seo-yeon, a former executive at a container line.",
            "“Carriers have run out of patience,” Park said.");

        AssertSpoken(result, "Carriers have run out of patience", "Park Seo-yeon");
    }

    [Fact]
    public void SentenceOpeningWithAHyphenatedWord_DoesNotStartAName()
    {
        var result = Extract("Long-term Planning matters, Marta Kowalczyk said. “We plan in decades,” she added.");

        AssertSpoken(result, "We plan in decades", "Marta Kowalczyk");
        Assert.DoesNotContain(result.People, p => p.Name.Contains("Long", StringComparison.Ordinal));
    }

    [Fact]
    public void CompoundNounEndingInS_IsNotTheSayVerb()
    {
        var result = Extract(
            "Lin Meiyu, a researcher in Taipei, reviewed the council’s rules.",
            "Lin also wrote that observer states such as Japan “bring money but get no vote.”");

        AssertSpoken(result, "bring money but get no vote.", "Lin Meiyu");
    }

    [Fact]
    public void NounWithADeterminerBeforeTheSayVerb_IsItsOwnSubject()
    {
        var result = Extract(
            "Lin Meiyu, a researcher in Taipei, reviewed the council’s rules.",
            "Lin added that the report states the rules are “a veto in disguise.”");

        Assert.DoesNotContain(result.Quotations, q => q.Text.StartsWith("a veto", StringComparison.Ordinal) && q.Speaker == "Lin Meiyu");
    }

    [Fact]
    public void BritishSingleQuotes_AreQuotations_AndApostrophesAreNot()
    {
        var result = Extract(
            "'This was a failure of the most basic kind,' said Samuel Oduya, the regulator's chief executive. 'Customers paid for water they never used.'");

        AssertSpoken(result, "This was a failure of the most basic kind", "Samuel Oduya");
        AssertSpoken(result, "Customers paid for water they never used.", "Samuel Oduya");
        Assert.Equal(2, result.Quotations.Count(q => q.Kind == QuotationKind.Direct));
    }

    [Theory]
    [InlineData("“We have never seen the wells this low,” said village chief Oumar Sangaré.", "Oumar Sangaré")]
    [InlineData("“It is a fair deal,” union leader Marco Bellini told reporters.", "Marco Bellini")]
    [InlineData("“Rates will fall,” said former finance minister Ana Duarte.", "Ana Duarte")]
    public void LowercaseDescriptionBeforeTheName_IsSkipped(string paragraph, string speaker)
    {
        var result = Extract(paragraph);

        Assert.Equal(speaker, Assert.Single(result.Quotations, q => q.Kind == QuotationKind.Direct).Speaker);
    }

    [Fact]
    public void WhoAfterAName_SaysTheQuoteIsTheirs()
    {
        var result = Extract("The plan was announced by the secretary-general, Ingrid Solvang, who conceded that the timetable \"was built for the largest ports.\"");

        AssertSpoken(result, "was built for the largest ports.", "Ingrid Solvang");
    }

    [Fact]
    public void QuoteSplitByItsAttribution_IsOneSpeakers()
    {
        var result = Extract("\"The deal,\" said union president Seán O'Brien, \"is the best our members have seen.\"");

        AssertSpoken(result, "The deal", "Seán O'Brien");
        AssertSpoken(result, "is the best our members have seen.", "Seán O'Brien");
    }

    [Fact]
    public void QuoteAfterSomeoneElseIsNamed_IsNotInherited()
    {
        var result = Extract(
            "Tobias Lindqvist chairs the panel.",
            "“We are ready,” said Marta Kowalczyk, while Lindqvist disagreed: “Nothing about this plan is ready at all.”");

        AssertSpoken(result, "We are ready", "Marta Kowalczyk");
        var later = Assert.Single(result.Quotations, q => q.Text.StartsWith("Nothing", StringComparison.Ordinal));
        Assert.NotEqual("Marta Kowalczyk", later.Speaker);
    }

    [Fact]
    public void VeryLongParagraph_IsReadInFull()
    {
        var sentence = "“Talks will continue next week in the capital,” said Tobias Lindqvist. ";
        var result = Extract(string.Concat(Enumerable.Repeat(sentence, 400)));

        Assert.Equal(400, result.Quotations.Count(q => q.Speaker == "Tobias Lindqvist"));
    }

    [Fact]
    public void ShortName_ThatEndsTwoPeoplesNames_IsNeitherOfThem()
    {
        var result = Extract(
            "Mary Ann Smith, a professor at Fudan University, said: “We must act now on tariffs before the deadline passes.”",
            "John Ann Smith, an economist at the Brookings Institution, said: “The truce is fragile and may not last very long.”",
            "“This is the end of the beginning, and everyone knows it,” Ann Smith said on Tuesday.");

        AssertSpoken(result, "We must act now on tariffs before the deadline passes.", "Mary Ann Smith");
        AssertSpoken(result, "The truce is fragile and may not last very long.", "John Ann Smith");
        AssertSpoken(result, "This is the end of the beginning, and everyone knows it", "Ann Smith");
    }

    [Fact]
    public void ArticleWithoutParagraphs_HasNoQuotations()
    {
        var result = Extractor.Extract(TestArticles.FromText(""));

        Assert.Empty(result.Quotations);
        Assert.Empty(result.People);
    }

    [Fact]
    public void LongTranscript_WithThousandsOfSpeakers_GivesEachQuoteToItsSpeaker()
    {
        string[] syllables = ["ka", "to", "ri", "mo", "sen", "dar", "vel", "lin", "go", "fa", "nu", "bre", "shi", "pol", "tan", "mer"];
        string[] firstNames = ["Anna", "Boris", "Elena", "Farid", "Grace", "Ivan", "Julia", "Kofi"];
        var speakers = Enumerable.Range(0, 3_000).Select(i =>
        {
            var surname = string.Concat(syllables[i % 16], syllables[i / 16 % 16], syllables[i / 256 % 16]);
            return (First: firstNames[i % firstNames.Length], Last: char.ToUpperInvariant(surname[0]) + surname[1..]);
        }).ToList();

        var result = Extract([.. speakers.Select(s =>
            $"“The {s.Last} proposal stands,” said {s.First} {s.Last}, a delegate. {s.Last} added: “We will return to the {s.Last} text.”")]);

        var spoken = result.Quotations.Where(q => q.Kind == QuotationKind.Direct).ToDictionary(q => q.Text, q => q.Speaker);
        Assert.Equal(2 * speakers.Count, spoken.Count);
        foreach (var (first, last) in speakers)
        {
            Assert.Equal($"{first} {last}", spoken[$"The {last} proposal stands"]);
            Assert.Equal($"{first} {last}", spoken[$"We will return to the {last} text."]);
        }
    }

    private static ArticleQuotations Extract(params string[] paragraphs) =>
        Extractor.Extract(TestArticles.FromText(string.Join('\n', paragraphs)));

    private static void AssertSpoken(ArticleQuotations result, string text, string speaker)
    {
        var quotation = result.Quotations.SingleOrDefault(q => q.Kind == QuotationKind.Direct && q.Text == text);
        Assert.True(quotation is not null,
            $"No direct quotation \"{text}\". Found: {string.Join(" | ", result.Quotations.Select(q => $"[{q.Kind} {q.Speaker}] {q.Text}"))}");
        Assert.Equal(speaker, quotation.Speaker);
    }
}
