using BriefingBot.Corpus;
using BriefingBot.Timeline;

namespace BriefingBot.Tests.Timeline;

/// <summary>Stable ids across reindexes, "same event" for the reindex diff, and supersession across articles.</summary>
public class MilestoneIdentityTests
{
    private const string Suspension = "Both sides have suspended the 24 percent reciprocal tariffs for a year until November 10, 2026.";
    private const string Extension = "The suspension of the 24 percent reciprocal tariffs has been extended until May 10, 2027.";

    private static IReadOnlyList<Milestone> Build(params Article[] articles) => new TimelineBuilder(new DateExtractor()).Build(articles);

    [Fact]
    public void Id_IsTheSameAcrossBuilds_EvenWhenParagraphsShift()
    {
        var first = Assert.Single(Build(Articles.Make("004", null, Suspension)));
        var second = Assert.Single(Build(Articles.Make("004", null, "A new opening paragraph.", Suspension)));

        Assert.Equal(first.Id, second.Id);
        Assert.Matches("^[0-9a-f]{12}$", first.Id);
    }

    [Fact]
    public void Id_Changes_WhenTheDateMoves()
    {
        var before = Assert.Single(Build(Articles.Make("004", null, Suspension)));
        var after = Assert.Single(Build(Articles.Make("004", null, Suspension.Replace("November 10, 2026", "May 10, 2027"))));

        Assert.NotEqual(before.Id, after.Id);
    }

    [Fact]
    public void Id_DiffersBetweenArticles_ForTheSameSentence() =>
        Assert.NotEqual(
            Assert.Single(Build(Articles.Make("a", null, Suspension))).Id,
            Assert.Single(Build(Articles.Make("b", null, Suspension))).Id);

    [Fact]
    public void MovedDateInTheSameArticle_IsTheSameEvent()
    {
        var before = Assert.Single(Build(Articles.Make("004", null, Suspension)));
        var after = Assert.Single(Build(Articles.Make("004", null, Suspension.Replace("November 10, 2026", "May 10, 2027"))));

        Assert.True(MilestoneIdentity.IsSameEvent(before, after));
    }

    [Fact]
    public void SameSentenceInAnotherArticle_IsNotTheSameEvent() =>
        Assert.False(MilestoneIdentity.IsSameEvent(
            Assert.Single(Build(Articles.Make("a", null, Suspension))),
            Assert.Single(Build(Articles.Make("b", null, Suspension)))));

    [Fact]
    public void DifferentEventsOfOneArticle_AreNotTheSameEvent()
    {
        var milestones = Build(Articles.Make("a", null, Suspension, "The defence ministers met in Kuala Lumpur on October 31, 2025."));

        Assert.False(MilestoneIdentity.IsSameEvent(milestones[0], milestones[1]));
    }

    [Fact]
    public void LaterArticleMovingADeadline_SupersedesTheEarlier_AndBothStay()
    {
        var older = Articles.Make("older", new DateOnly(2026, 1, 1), Suspension);
        var newer = Articles.Make("newer", new DateOnly(2026, 9, 1), Extension);

        var milestones = Build(newer, older);

        var (moved, current) = (Assert.Single(milestones, m => m.Article.Id == "older"), Assert.Single(milestones, m => m.Article.Id == "newer"));
        Assert.Equal(new DateOnly(2026, 11, 10), moved.Date);
        Assert.Equal(new DateOnly(2027, 5, 10), current.Date);
        Assert.Equal(current.Id, moved.SupersededBy);
        Assert.Null(current.SupersededBy);
    }

    [Fact]
    public void OfThreeArticles_TheLatestPublishedSupersedesBothOthers()
    {
        var first = Articles.Make("first", new DateOnly(2025, 12, 1), Suspension);
        var second = Articles.Make("second", new DateOnly(2026, 3, 1), Extension);
        var third = Articles.Make("third", new DateOnly(2026, 10, 1), "The suspension of the 24 percent reciprocal tariffs was extended again until August 10, 2027.");

        var milestones = Build(first, second, third);

        var latest = Assert.Single(milestones, m => m.Article.Id == "third").Id;
        Assert.All(milestones.Where(m => m.Article.Id != "third"), m => Assert.Equal(latest, m.SupersededBy));
    }

    [Fact]
    public void ArticleWithoutPublicationDate_CountsAsEarliest()
    {
        var undated = Articles.Make("undated", null, Extension);
        var dated = Articles.Make("dated", new DateOnly(2025, 12, 1), Suspension);

        var milestones = Build(undated, dated);

        Assert.Equal(
            Assert.Single(milestones, m => m.Article.Id == "dated").Id,
            Assert.Single(milestones, m => m.Article.Id == "undated").SupersededBy);
    }

    [Fact]
    public void ArticlesPublishedTheSameDay_SupersedeNothing() =>
        Assert.All(
            Build(Articles.Make("a", new DateOnly(2026, 1, 1), Suspension), Articles.Make("b", new DateOnly(2026, 1, 1), Extension)),
            m => Assert.Null(m.SupersededBy));

    [Fact]
    public void UnrelatedDeadlines_DoNotSupersedeEachOther() =>
        Assert.All(
            Build(Articles.Make("a", new DateOnly(2025, 12, 1), Suspension),
                  Articles.Make("b", new DateOnly(2026, 6, 1), "The export ban on rare earth magnets expires on March 1, 2027.")),
            m => Assert.Null(m.SupersededBy));

    [Fact]
    public void PastMeetingsOnDifferentDays_AreTwoMeetings_NotAMove() =>
        Assert.All(
            Build(Articles.Make("a", new DateOnly(2025, 12, 1), "Xi met Trump in Busan on October 30, 2025."),
                  Articles.Make("b", new DateOnly(2026, 6, 1), "Xi met Trump in Beijing on April 2, 2026.")),
            m => Assert.Null(m.SupersededBy));

    [Fact]
    public void RescheduledMeeting_IsSuperseded()
    {
        var older = Articles.Make("a", new DateOnly(2026, 1, 10), "The two leaders will meet at the summit in Beijing on April 2, 2026.");
        var newer = Articles.Make("b", new DateOnly(2026, 3, 1), "The two leaders will now meet at the summit in Beijing on May 14, 2026.");

        var milestones = Build(older, newer);

        Assert.Equal(Assert.Single(milestones, m => m.Article.Id == "b").Id, Assert.Single(milestones, m => m.Article.Id == "a").SupersededBy);
    }
}
