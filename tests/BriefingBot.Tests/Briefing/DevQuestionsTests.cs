namespace BriefingBot.Tests.Briefing;

public sealed class DevQuestionsTests(ShippedCorpusFixture shipped) : IClassFixture<ShippedCorpusFixture>
{
    public static IEnumerable<object[]> CaseIds() => QuestionSet.Dev.CaseIds();

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_IsAnsweredTheWayItsKindRequires(string id)
    {
        var spec = QuestionSet.Dev.Case(id);
        QuestionSet.AssertAnswers(spec, shipped.Briefing.Ask(spec.GetProperty("q").GetString()!));
    }

    [Fact]
    public void Milestones_OfTheDevQuestions_AreOnTheTimeline()
    {
        foreach (var spec in QuestionSet.Dev.Milestones())
        {
            var date = DateOnly.Parse(spec.GetProperty("date").GetString()!);
            var quoteAny = QuestionSet.Strings(spec, "quote_any").Select(QuestionSet.Fold).ToList();
            Assert.Contains(shipped.Briefing.Timeline(),
                m => m.Date == date && quoteAny.Any(q => QuestionSet.Fold(m.Source).Contains(q)));
        }
    }
}
