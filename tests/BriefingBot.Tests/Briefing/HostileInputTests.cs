namespace BriefingBot.Tests.Briefing;

/// <summary>Whatever a user types, <c>Ask</c> answers or explains; it never throws.</summary>
public sealed class HostileInputTests(ShippedCorpusFixture shipped) : IClassFixture<ShippedCorpusFixture>
{
    public static IEnumerable<object[]> Inputs() => new[]
    {
        "", "   ", "\"", "\"unbalanced quote", "title:\"G2 AND (", "AND OR NOT", "* ? ~ ^", "[ ] { }", "a:b\\c/d",
        "what did \"Wu Xinbo say", "what did * say", "who said ~", "((((((", "\\", "/", "-", "--top 3", "@everyone",
        "tariffs\u0000\u0007\u001b[31m", "🙂🙃 tariffs 🇨🇳", "what did 🙂 say", "\u202etariffs", new string('a', 10_000),
        string.Join(' ', Enumerable.Repeat("tariffs AND China", 2_000)), "what did " + new string('X', 5_000) + " say",
    }.Select(q => new object[] { q });

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Ask_AnswersOrExplains_NeverThrows(string question)
    {
        var answer = shipped.Briefing.Ask(question);
        Assert.True(answer.Results.Count > 0 || answer.Note is not null, "an answer with no results must say why");
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Said_AnswersOrExplains_NeverThrows(string person)
    {
        var answer = shipped.Briefing.Said(person);
        Assert.True(answer.Results.Count > 0 || answer.Note is not null, "an answer with no results must say why");
    }
}
