using BriefingBot.Corpus;
using BriefingBot.Timeline;

namespace BriefingBot.Tests.Timeline;

public class TimelineBuilderTests
{
    private static readonly DateOnly Autumn2025 = new(2025, 11, 20);

    private static IReadOnlyList<Milestone> Build(params Article[] articles) => new TimelineBuilder(new DateExtractor()).Build(articles);

    private static Milestone Single(DateOnly date, params Article[] articles) => Assert.Single(Build(articles), m => m.Date == date);

    [Fact]
    public void UntilClause_IsADeadline_LabelledWithItsVerbAndUntil()
    {
        const string sentence = "Both sides have suspended the 24 percent “reciprocal tariffs” for a year until November 10, 2026.";

        var milestone = Single(new DateOnly(2026, 11, 10), Articles.Make("a", Autumn2025, sentence));

        Assert.Equal(MilestoneKind.Deadline, milestone.Kind);
        Assert.Equal(DatePrecision.Day, milestone.Precision);
        Assert.Equal("Both sides have suspended the 24 percent “reciprocal tariffs” for a year until", milestone.Label);
        Assert.Equal(sentence, milestone.Source);
    }

    [Theory]
    [InlineData("The truce expires on March 1, 2026.")]
    [InlineData("The deadline for a deal is March 1, 2026.")]
    [InlineData("Negotiators must reach a deal by March 1, 2026.")]
    [InlineData("The public consultation closes on 1 March 2026.")]
    [InlineData("Applications are due on March 1, 2026.")]
    public void RunningOutWords_MakeADeadline(string sentence) =>
        Assert.Equal(MilestoneKind.Deadline, Single(new DateOnly(2026, 3, 1), Articles.Make("a", Autumn2025, sentence)).Kind);

    [Fact]
    public void FrontedDate_TakesItsLabelFromTheClauseAfterIt()
    {
        var milestone = Single(new DateOnly(2025, 10, 30),
            Articles.Make("a", Autumn2025, "On October 30, Chinese President Xi Jinping met with US President Donald Trump in Busan, South Korea, for about 90 minutes."));

        Assert.Equal(MilestoneKind.Event, milestone.Kind);
        Assert.Equal("Chinese President Xi Jinping met with US President Donald Trump in Busan", milestone.Label);
    }

    [Fact]
    public void TrailingDate_TakesItsLabelFromThePhraseBeforeIt_KeepingTheComma()
    {
        var article = Articles.Make("a", Autumn2025,
            "Right after the meeting, the two countries announced a roll-back of trade measures after officials reached agreements during talks in Kuala Lumpur, Malaysia on October 25 and 26.");

        var milestones = Build(article);

        Assert.Equal([new DateOnly(2025, 10, 25), new DateOnly(2025, 10, 26)], milestones.Select(m => m.Date));
        Assert.All(milestones, m => Assert.Equal("officials reached agreements during talks in Kuala Lumpur, Malaysia", m.Label));
    }

    [Fact]
    public void Label_DropsTheDateAndItsPreposition_FromTheMiddleOfAPhrase() =>
        Assert.Equal("Asia-Pacific Economic Cooperation leader’s meeting in South Korea",
            Single(new DateOnly(2025, 11, 1), Articles.Make("a", new DateOnly(2025, 6, 1),
                "Trump should identify when he expects to see Xi next, for example, at the Asia-Pacific Economic Cooperation leader’s meeting in November in South Korea.")).Label);

    [Fact]
    public void Label_NeverRunsIntoQuotedSpeech()
    {
        var milestone = Single(new DateOnly(2025, 11, 5), Articles.Make("a", Autumn2025,
            "“If it’s a talk, the door is wide open. If it’s a fight, China will stand its ground to the end,” Gao said in a program uploaded to YouTube on November 5."));

        Assert.Equal("Gao said in a program uploaded to YouTube", milestone.Label);
    }

    [Fact]
    public void Label_IsCutToEightyCharacters_NearTheDate()
    {
        var milestone = Single(new DateOnly(2025, 10, 31), Articles.Make("a", Autumn2025,
            "The ministers of defence of the two largest economies of the world together with their deputies and a large delegation of senior officers met in Kuala Lumpur on October 31."));

        Assert.True(milestone.Label.Length <= 80, milestone.Label);
        Assert.EndsWith("met in Kuala Lumpur", milestone.Label);
    }

    [Theory]
    [InlineData("On October 30, President Trump publicly invoked the term following a meeting with Chinese President Xi Jinping in Busan.",
        "President Trump publicly invoked the term following a meeting")]
    [InlineData("On October 30, President Trump publicly invoked the term following a long and cordial meeting with Chinese President Xi Jinping.",
        "President Trump publicly invoked the term following a long and cordial meeting")]
    public void Label_CutOnTheRight_DoesNotEndMidPhrase(string sentence, string label) =>
        Assert.Equal(label, Single(new DateOnly(2025, 10, 30), Articles.Make("a", Autumn2025, sentence)).Label);

    [Fact]
    public void DateAfterSince_IsBackground_NotAMilestone() =>
        Assert.Empty(Build(Articles.Make("a", Autumn2025, "Since early November, several trade delegations have visited China.")));

    [Fact]
    public void BareYearInPastNarrative_IsNotAMilestone() =>
        Assert.Empty(Build(Articles.Make("a", Autumn2025, "The trade conflict began in earnest in 2018, with the imposition of tariffs.")));

    [Theory]
    [InlineData("The last meeting between them was in 2019 during the G20 Summit in Osaka.", 2019)]
    [InlineData("As the two leaders are expected to exchange visits in 2026, analysts urge caution.", 2026)]
    public void BareYear_IsAMilestone_WhenItsClauseNamesAnOccasion(string sentence, int year)
    {
        var milestone = Single(new DateOnly(year, 1, 1), Articles.Make("a", Autumn2025, sentence));

        Assert.Equal(DatePrecision.Year, milestone.Precision);
        Assert.Equal(MilestoneKind.Event, milestone.Kind);
    }

    [Fact]
    public void MonthWithoutAnEventCue_IsNotAMilestone() =>
        Assert.Empty(Build(Articles.Make("a", Autumn2025, "Prices were higher in September.")));

    [Fact]
    public void AnchoredDuration_AddsItsEndAsADeadline()
    {
        var milestones = Build(Articles.Make("a", null, "On May 12, 2025, the two sides agreed to a 90-day truce in the trade war."));

        Assert.Equal(
            [(new DateOnly(2025, 5, 12), MilestoneKind.Event), (new DateOnly(2025, 8, 10), MilestoneKind.Deadline)],
            milestones.Select(m => (m.Date, m.Kind)));
    }

    [Fact]
    public void SameEventTwiceInAnArticle_IsListedOnce()
    {
        const string sentence = "The ministers met in Kuala Lumpur on October 31.";

        var milestones = Build(Articles.Make("a", Autumn2025, sentence, "Opinions differ.", sentence));

        Assert.Equal(1, Assert.Single(milestones).Paragraph);
    }

    [Fact]
    public void TwoEventsOnOneDay_AreBothListed() =>
        Assert.Equal(2, Build(Articles.Make("a", Autumn2025,
            "At a press conference in Beijing on October 31, the spokesperson stressed independence.",
            "The following day on October 31, the defence ministers met in Malaysia.")).Count);

    [Fact]
    public void SentenceThatIsOnlyADate_IsNotAMilestone() =>
        Assert.Empty(Build(Articles.Make("a", Autumn2025, "Until November 10, 2026.")));

    [Theory]
    [InlineData("’s October 30 January 2 ” this May ” for a year from ” Jan.1 and met US$1 – and . Feb. 29 “ January 2 Jan.1 by")]
    [InlineData("“ October 30 “ met “ until November 10, 2026")]
    [InlineData(", , ; : — – ( ) “ ” \" \"")]
    [InlineData("October 25 and 26 and 27 and 28, 2025 until until until")]
    [InlineData("from 2018–2021 to 2019–2018 and 90-day for a year within 12 months")]
    [InlineData("")]
    public void OddText_NeverThrows(string paragraph)
    {
        var milestones = Build(Articles.Make("a", Autumn2025, paragraph));

        Assert.All(milestones, m => Assert.Contains(m.Source, paragraph, StringComparison.Ordinal));
    }

    [Fact]
    public void NoArticles_NoMilestones() =>
        Assert.Empty(Build());

    [Fact]
    public void Milestone_CitesItsArticleAndParagraph()
    {
        var article = Articles.Make("a", Autumn2025, "Opinions differ.", "The ministers met on October 31.");

        var milestone = Assert.Single(Build(article));

        Assert.Equal(article.Ref, milestone.Article);
        Assert.Equal(2, milestone.Paragraph);
    }

    [Fact]
    public void Timeline_IsOldestFirst_ThenByArticleAndParagraph()
    {
        var b = Articles.Make("b", Autumn2025, "The ministers met on October 31.", "The truce expires on March 1, 2026.");
        var a = Articles.Make("a", Autumn2025, "The envoys met on October 31.", "Talks were held on October 2.");

        var milestones = Build(b, a);

        Assert.Equal(
            [("a", new DateOnly(2025, 10, 2)), ("a", new DateOnly(2025, 10, 31)), ("b", new DateOnly(2025, 10, 31)), ("b", new DateOnly(2026, 3, 1))],
            milestones.Select(m => (m.Article.Id, m.Date)));
    }
}
