using BriefingBot.Briefing;

namespace BriefingBot.Tests.Briefing;

public sealed class DevQuestionsTests(ShippedCorpusFixture shipped) : IClassFixture<ShippedCorpusFixture>
{
    [Theory]
    [MemberData(nameof(DevQuestions.CaseIds), MemberType = typeof(DevQuestions))]
    public void Case_IsAnsweredTheWayItsKindRequires(string id)
    {
        var spec = DevQuestions.Case(id);
        var answer = shipped.Briefing.Ask(spec.GetProperty("q").GetString()!);
        var quotes = answer.Results.Select(r => DevQuestions.Fold(r.Quote)).ToList();

        switch (spec.GetProperty("kind").GetString())
        {
            case "speaker":
                foreach (var wanted in DevQuestions.Strings(spec, "all"))
                    Assert.True(quotes.Any(q => q.Contains(DevQuestions.Fold(wanted))), $"no quote contains “{wanted}”: {Show(answer)}");
                foreach (var forbidden in DevQuestions.Strings(spec, "forbid"))
                    Assert.DoesNotContain(quotes, q => q.Contains(DevQuestions.Fold(forbidden)));
                if (spec.TryGetProperty("author", out var author))
                {
                    var first = DevQuestions.Fold(DevQuestions.Strings(spec, "all").First());
                    foreach (var item in answer.Results.Where(r => DevQuestions.Fold(r.Quote).Contains(first)))
                        Assert.Equal(author.GetString(), item.Article.Author);
                }
                break;
            case "any":
                var k = spec.TryGetProperty("k", out var kValue) ? kValue.GetInt32() : 3;
                var wantedAny = DevQuestions.Strings(spec, "any").Select(DevQuestions.Fold).ToList();
                Assert.True(quotes.Take(k).Any(q => wantedAny.Any(q.Contains)), $"none of the top {k} quotes match: {Show(answer)}");
                break;
            case "nospeakerquotes":
                Assert.DoesNotContain(answer.Results, r => r.Speaker is not null);
                Assert.NotNull(answer.Note);
                break;
            case "noerror":
                Assert.NotNull(answer);
                break;
            default:
                Assert.Fail($"unknown kind in case {id}");
                break;
        }
    }

    [Fact]
    public void Milestones_OfTheDevQuestions_AreOnTheTimeline()
    {
        foreach (var spec in DevQuestions.Milestones())
        {
            var date = DateOnly.Parse(spec.GetProperty("date").GetString()!);
            var quoteAny = DevQuestions.Strings(spec, "quote_any").Select(DevQuestions.Fold).ToList();
            Assert.Contains(shipped.Briefing.Timeline(),
                m => m.Date == date && quoteAny.Any(q => DevQuestions.Fold(m.Source).Contains(q)));
        }
    }

    private static string Show(Answer answer) =>
        string.Join(" | ", answer.Results.Select(r => $"[{r.Speaker}] {r.Quote[..Math.Min(90, r.Quote.Length)]}")) + $" note={answer.Note}";
}
