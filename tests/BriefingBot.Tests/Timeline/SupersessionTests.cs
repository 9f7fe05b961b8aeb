using BriefingBot.Corpus;
using BriefingBot.Timeline;

namespace BriefingBot.Tests.Timeline;

public sealed class SupersessionTests
{
    private static readonly string[] LabelWords =
        ["truce", "tariffs", "suspension", "talks", "soybean", "purchases", "export", "controls", "summit", "review", "deadline", "fees", "port"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FindsTheSameSupersessorAsComparingEveryPair(int seed)
    {
        var candidates = RandomMilestones(new Random(seed), count: 1_500);
        var supersessors = new Supersession(candidates).Supersessors();

        for (var i = 0; i < candidates.Count; i++)
            Assert.Equal(ByComparingEveryPair(candidates[i].Milestone, candidates)?.Id, supersessors[i]?.Id);
    }

    [Fact]
    public void RandomMilestones_IncludeSupersededOnes()
    {
        // Guards the test above against a generator so sparse that "no supersessor" would be the only answer.
        var candidates = RandomMilestones(new Random(1), count: 1_500);

        Assert.True(candidates.Count(c => ByComparingEveryPair(c.Milestone, candidates) is not null) > 100);
    }

    /// <summary>The definition: every other candidate checked, the latest published (then article id, then position) wins.</summary>
    private static Milestone? ByComparingEveryPair(Milestone older, IReadOnlyList<(Milestone Milestone, int Position)> all) =>
        all.Where(n => n.Milestone.Article.Id != older.Article.Id
                && n.Milestone.Kind == older.Kind
                && n.Milestone.Article.Published is { } later && (older.Article.Published is not { } earlier || later > earlier)
                && !DateSpan.Overlap(n.Milestone.Date, n.Milestone.Precision, older.Date, older.Precision)
                && MilestoneIdentity.AreSimilarLabels(MilestoneIdentity.LabelStems(n.Milestone.Label), MilestoneIdentity.LabelStems(older.Label)))
            .OrderByDescending(n => n.Milestone.Article.Published)
            .ThenBy(n => n.Milestone.Article.Id, StringComparer.Ordinal)
            .ThenBy(n => n.Position)
            .Select(n => n.Milestone)
            .FirstOrDefault();

    /// <summary>Milestones over few label words, few articles (some undated, some published the same day) and few dates: many near-misses.</summary>
    private static List<(Milestone Milestone, int Position)> RandomMilestones(Random random, int count)
    {
        var articles = Enumerable.Range(0, 80)
            .Select(i => new ArticleRef($"a{i:D3}", null, null, random.Next(6) == 0 ? null : new DateOnly(2026, 1, 1).AddDays(random.Next(40) * 7), $"a{i:D3}.txt"))
            .ToArray();
        return Enumerable.Range(0, count).Select(i =>
        {
            var label = string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => LabelWords[random.Next(LabelWords.Length)]));
            var precision = (DatePrecision)random.Next(3);
            var date = new DateOnly(2026, 1, 1).AddDays(random.Next(700));
            var milestone = new Milestone(
                $"m{i}", date, precision, label, random.Next(2) == 0 ? MilestoneKind.Deadline : MilestoneKind.Event,
                label + ".", articles[random.Next(articles.Length)], Paragraph: random.Next(1, 5));
            return (milestone, random.Next(0, 3) * 10);
        }).ToList();
    }
}
