using BriefingBot.Briefing;

namespace BriefingBot.Tests.Briefing;

/// <summary>How questions are answered, on small articles with invented people.</summary>
public sealed class BriefingServiceTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private async Task<BriefingService> Index(params (string File, string Text)[] articles)
    {
        var corpus = folder.Combine("corpus");
        Directory.CreateDirectory(corpus);
        foreach (var (file, text) in articles) File.WriteAllText(Path.Combine(corpus, file), text);
        var briefing = TestBriefing.Create(corpus, folder.Combine("index"));
        await briefing.ReindexAsync();
        return briefing;
    }

    private const string HarbourArticle = """
        Harbour Talks Resume

        By Mara Lindqvist

        Port officials met on March 3, 2027 to discuss the new tariff schedule.

        “We will not accept a deal that hurts our fishermen,” Tomas Okafor, a harbour commissioner, told reporters.

        “The schedule must be fair,” Okafor added. “Anything else is a step backwards.”

        According to Okafor, the talks will continue until the end of the season.
        """;

    private const string MillArticle = """
        Mill Reopens

        By Jun Park

        “The mill is our future,” Adaeze Okafor, the town's mayor, said on Friday.
        """;

    [Fact]
    public async Task SpeakerQuestion_ReturnsTheirQuotesInReadingOrder_ThenReportedSpeech()
    {
        var briefing = await Index(("harbour.txt", HarbourArticle));

        var answer = briefing.Ask("what did Tomas Okafor say");

        Assert.Equal(
            ["We will not accept a deal that hurts our fishermen", "The schedule must be fair", "Anything else is a step backwards."],
            answer.Results.Where(r => r.Speaker is not null).Select(r => r.Quote));
        Assert.All(answer.Results.Where(r => r.Speaker is not null), r => Assert.Equal("Tomas Okafor", r.Speaker));
        var last = answer.Results[^1];
        Assert.Null(last.Speaker);
        Assert.StartsWith("According to Okafor", last.Quote);
    }

    [Fact]
    public async Task SharedSurname_IsNotMerged_AndTheAnswerSaysWhoItCouldBe()
    {
        var briefing = await Index(("harbour.txt", HarbourArticle), ("mill.txt", MillArticle));

        var answer = briefing.Ask("what did Okafor say");

        Assert.Contains(answer.Results, r => r.Speaker == "Tomas Okafor");
        Assert.Contains(answer.Results, r => r.Speaker == "Adaeze Okafor");
        Assert.Contains("Adaeze Okafor", answer.Note);
        Assert.Contains("Tomas Okafor", answer.Note);
        Assert.DoesNotContain(briefing.Ask("what did Adaeze Okafor say").Results, r => r.Speaker == "Tomas Okafor");
    }

    [Fact]
    public async Task PersonNeverQuoted_GetsNoAttributedQuote_AndANoteSayingSo()
    {
        var briefing = await Index(("harbour.txt", HarbourArticle));

        var answer = briefing.Ask("What did Ingrid Vasquez say?");

        Assert.Empty(answer.Results);
        Assert.Equal("The corpus never quotes or mentions Ingrid Vasquez.", answer.Note);
    }

    [Fact]
    public async Task PersonNeverQuoted_WhoseSurnameIsAlsoAPronoun_GetsTheNote()
    {
        var briefing = await Index(("harbour.txt", HarbourArticle));

        var answer = briefing.Ask("What did He Yafei say?");

        Assert.Empty(answer.Results);
        Assert.Equal("The corpus never quotes or mentions He Yafei.", answer.Note);
    }

    [Fact]
    public async Task MentionedButNeverQuoted_ShowsWhereTheyAreMentioned()
    {
        var briefing = await Index(("harbour.txt", HarbourArticle));

        var answer = briefing.Ask("what did Mara Lindqvist say");

        Assert.DoesNotContain(answer.Results, r => r.Speaker is not null);
        Assert.NotNull(answer.Note);
    }

    [Fact]
    public async Task PositionOfSomethingNeverQuoted_ShowsTheMentionsAboutTheTopicFirst()
    {
        var briefing = await Index(("quotas.txt", """
            Quota Talks

            By Mara Lindqvist

            Norway has long hosted the annual fisheries meetings in Bergen.

            Norway and Iceland disagree on mackerel quotas in the North Atlantic, and Norway wants a binding share.

            Officials from Norway also attended a separate conference on shipping.
            """));

        var answer = briefing.Ask("What is Norway's position on mackerel quotas?");

        Assert.DoesNotContain(answer.Results, r => r.Speaker is not null);
        Assert.NotNull(answer.Note);
        Assert.Contains("mackerel quotas", answer.Results[0].Quote);
        Assert.All(answer.Results, r => Assert.Contains("Norway", r.Quote));
    }

    [Theory]
    [InlineData("Tell me what Tomas Okafor said about fairness")]
    [InlineData("Has Okafor commented on the schedule?")]
    [InlineData("Tomas Okafor")]
    public async Task QuestionOfAnotherShapeAskingForSomebodysWords_GetsTheirQuotes(string question)
    {
        var briefing = await Index(("harbour.txt", HarbourArticle));

        var answer = briefing.Ask(question);

        Assert.Contains(answer.Results, r => r.Speaker == "Tomas Okafor" && r.Quote == "The schedule must be fair");
        Assert.DoesNotContain(answer.Results, r => r.Speaker is not null && r.Speaker != "Tomas Okafor");
    }

    [Fact]
    public async Task QuestionNamingTwoPeople_GetsTheQuotesOfBoth()
    {
        var briefing = await Index(("harbour.txt", HarbourArticle), ("mill.txt", MillArticle));

        var answer = briefing.Ask("What did Tomas Okafor and Adaeze Okafor say?");

        Assert.Contains(answer.Results, r => r.Speaker == "Tomas Okafor");
        Assert.Contains(answer.Results, r => r.Speaker == "Adaeze Okafor");
        Assert.Null(answer.Note);
    }

    [Fact]
    public async Task WhenQuestion_AnsweredByASentenceWithoutAMilestone_IsNotBuriedUnderAWeakMilestone()
    {
        var briefing = await Index(("levy.txt", """
            Harbour Levy Returns

            By Mara Lindqvist

            Tomas Okafor will meet the transport minister on March 10, 2027.

            Okafor first proposed the harbour levy on container traffic in 2019, long before the current talks.
            """));

        var answer = briefing.Ask("When did Okafor first propose the harbour levy?");

        Assert.StartsWith("Okafor first proposed the harbour levy", answer.Results[0].Quote);
    }

    [Fact]
    public async Task WhenQuestion_PutsTheMatchingMilestoneFirst()
    {
        var briefing = await Index(("harbour.txt", HarbourArticle));

        var answer = briefing.Ask("When did port officials meet to discuss the tariff schedule?");

        Assert.Equal("Port officials met on March 3, 2027 to discuss the new tariff schedule.", answer.Results[0].Quote);
    }

    [Fact]
    public async Task Said_ReturnsThePersonsQuotes()
    {
        var briefing = await Index(("harbour.txt", HarbourArticle));

        Assert.Equal(3, briefing.Said("Okafor").Results.Count(r => r.Speaker == "Tomas Okafor"));
    }

    [Fact]
    public async Task Speakers_AutocompleteFromAnyWordOfTheName()
    {
        var briefing = await Index(("harbour.txt", HarbourArticle), ("mill.txt", MillArticle));

        Assert.Equal(["Adaeze Okafor", "Tomas Okafor"], briefing.Speakers("oka").Order());
        Assert.Equal(["Tomas Okafor"], briefing.Speakers("Tom"));
    }

    [Fact]
    public async Task Ask_BeforeTheFirstBuild_SaysTheIndexIsBeingBuilt()
    {
        var briefing = TestBriefing.Create(RepositoryPaths.Corpus, folder.Combine("never-built"));

        var answer = briefing.Ask("what did Wu Xinbo say");

        Assert.Empty(answer.Results);
        Assert.Contains("being built", answer.Note);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Reindex_ReportsAddedArticlesQuotationsAndMilestones()
    {
        var briefing = await Index(("harbour.txt", HarbourArticle));
        File.WriteAllText(folder.Combine("corpus", "mill.txt"), MillArticle.Replace("on Friday", "on April 9, 2027"));

        var report = await briefing.ReindexAsync();

        Assert.Equal("mill", Assert.Single(report.ArticlesAdded).Id);
        Assert.Empty(report.ArticlesRemoved);
        Assert.Equal(1, report.QuotationsAdded);
        Assert.Contains(report.MilestonesAdded, m => m.Date == new DateOnly(2027, 4, 9));
    }

    [Fact]
    public async Task Reindex_OfAMovedDate_ReportsTheMilestoneAsMoved()
    {
        var briefing = await Index(("harbour.txt", HarbourArticle));
        File.WriteAllText(folder.Combine("corpus", "harbour.txt"), HarbourArticle.Replace("March 3, 2027", "March 10, 2027"));

        var report = await briefing.ReindexAsync();

        var (old, moved) = Assert.Single(report.MilestonesMoved);
        Assert.Equal(new DateOnly(2027, 3, 3), old.Date);
        Assert.Equal(new DateOnly(2027, 3, 10), moved.Date);
        Assert.Equal("harbour", Assert.Single(report.ArticlesChanged).Id);
    }

    [Fact]
    public async Task Digest_ListsUpcomingMilestones_NewArticles_AndTheirQuotes()
    {
        var briefing = await Index(("harbour.txt", HarbourArticle));

        var digest = briefing.BuildDigest(new DateOnly(2027, 3, 1), horizonDays: 14, since: null);

        Assert.Contains(digest.Upcoming, m => m.Date == new DateOnly(2027, 3, 3));
        Assert.Equal("harbour", Assert.Single(digest.NewArticles).Id);
        Assert.Contains(digest.NotableQuotes, q => q.Speaker == "Tomas Okafor");
        Assert.Empty(briefing.BuildDigest(new DateOnly(2027, 3, 1), 14, since: DateTimeOffset.UtcNow.AddMinutes(1)).NewArticles);
    }
}
