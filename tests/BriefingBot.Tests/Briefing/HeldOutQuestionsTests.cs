using System.Collections.Concurrent;
using BriefingBot.Briefing;

namespace BriefingBot.Tests.Briefing;

/// <summary>
/// The held-out questions (Fixtures/HeldOut), checked in process exactly as shared/tools/eval.py checks them: every
/// case over the shipped corpus, its milestones, and for each question file with a "reindex" section the scenario
/// eval.py --reindex runs: the corpus copied and indexed, the new article dropped in, the index rebuilt, the
/// section's questions asked and its dates looked up on the timeline. Every quote must be verbatim in its file.
/// </summary>
public sealed class HeldOutQuestionsTests(ShippedCorpusFixture shipped, ReindexedCorpora reindexed)
    : IClassFixture<ShippedCorpusFixture>, IClassFixture<ReindexedCorpora>
{
    public static IEnumerable<object[]> CaseIds() => QuestionSet.HeldOut.CaseIds();

    public static IEnumerable<object[]> ReindexCases() =>
        QuestionSet.HeldOutReindexes.SelectMany(set => set.Reindex!.Cases.Select(c => new object[] { set.Name, c.GetProperty("id").GetString()! }));

    public static IEnumerable<object[]> ReindexMilestones() =>
        QuestionSet.HeldOutReindexes.SelectMany(set => set.Reindex!.MilestoneDates.Select(d => new object[] { set.Name, d }));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_IsAnsweredTheWayItsKindRequires(string id)
    {
        var spec = QuestionSet.HeldOut.Case(id);
        var answer = shipped.Briefing.Ask(spec.GetProperty("q").GetString()!);
        QuestionSet.AssertAnswers(spec, answer);
        AssertVerbatim(answer, RepositoryPaths.Corpus);
    }

    [Fact]
    public void Milestones_OfTheHeldOutQuestions_AreOnTheTimeline()
    {
        foreach (var spec in QuestionSet.HeldOut.Milestones())
        {
            var date = spec.GetProperty("date").GetString()!;
            var quoteAny = QuestionSet.Strings(spec, "quote_any").Select(QuestionSet.Fold).ToList();
            Assert.True(
                shipped.Briefing.Timeline().Any(m => Iso(m.Date).StartsWith(date, StringComparison.Ordinal)
                    && quoteAny.Any(q => QuestionSet.Fold(m.Source).Contains(q))),
                $"no milestone on {date} quoting any of {string.Join(", ", quoteAny)}");
        }
    }

    [Theory]
    [MemberData(nameof(ReindexCases))]
    public async Task AfterANewArticleIsDroppedIn_CaseIsAnsweredTheWayItsKindRequires(string questions, string id)
    {
        var corpus = await reindexed.WithArticleOf(questions);
        var spec = corpus.Questions.Reindex!.Case(id);
        var answer = corpus.Briefing.Ask(spec.GetProperty("q").GetString()!);
        QuestionSet.AssertAnswers(spec, answer);
        AssertVerbatim(answer, corpus.Folder);
    }

    [Theory]
    [MemberData(nameof(ReindexMilestones))]
    public async Task AfterANewArticleIsDroppedIn_ItsDatesAreOnTheTimeline(string questions, string date)
    {
        var corpus = await reindexed.WithArticleOf(questions);
        var dates = corpus.Briefing.Timeline().Select(m => Iso(m.Date)).ToList();
        Assert.True(dates.Any(d => d.StartsWith(date, StringComparison.Ordinal)), $"no milestone on {date}: {string.Join(", ", dates)}");
    }

    private static void AssertVerbatim(Answer answer, string corpusFolder)
    {
        foreach (var item in answer.Results)
        {
            var file = File.ReadAllText(Path.Combine(corpusFolder, item.Article.File));
            Assert.Contains(QuestionSet.Squash(item.Quote), QuestionSet.Squash(file));
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// For each held-out question file with a "reindex" section, a copy of the shipped corpus that was indexed, then given
/// the section's new article and indexed again (built on first use, deleted with the fixture).
/// </summary>
public sealed class ReindexedCorpora : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<ReindexedCorpus>>> built = new(StringComparer.Ordinal);

    public Task<ReindexedCorpus> WithArticleOf(string questionsFile) =>
        built.GetOrAdd(questionsFile, name => new Lazy<Task<ReindexedCorpus>>(() => BuildAsync(name))).Value;

    public void Dispose() => folder.Dispose();

    private async Task<ReindexedCorpus> BuildAsync(string questionsFile)
    {
        var questions = QuestionSet.HeldOutReindexes.Single(set => set.Name == questionsFile);
        var root = folder.Combine(Path.GetFileNameWithoutExtension(questionsFile));
        var corpus = RepositoryPaths.CopyCorpusTo(Path.Combine(root, "corpus"));
        var briefing = TestBriefing.Create(corpus, Path.Combine(root, "index"));
        await briefing.ReindexAsync();
        var article = questions.Reindex!.ArticlePath;
        File.Copy(article, Path.Combine(corpus, Path.GetFileName(article)));
        await briefing.ReindexAsync();
        return new ReindexedCorpus(questions, corpus, briefing);
    }
}

/// <summary>A reindexed copy of the corpus and the questions to ask it.</summary>
public sealed record ReindexedCorpus(QuestionSet Questions, string Folder, BriefingService Briefing);
