using BriefingBot.Briefing;

namespace BriefingBot.Tests.Briefing;

public sealed class QuestionReaderTests
{
    [Theory]
    [InlineData("what did Wu Xinbo say", "Wu Xinbo", null)]
    [InlineData("What did Da Wei argue?", "Da Wei", null)]
    [InlineData("what did Dong Jun urge", "Dong Jun", null)]
    [InlineData("What did Li Keqiang say about the one-China policy?", "Li Keqiang", "the one-China policy")]
    [InlineData("How did Peter Navarro characterise China's actions?", "Peter Navarro", "China's actions")]
    [InlineData("what has Ada Lovelace ever said on engines", "Ada Lovelace", "engines")]
    [InlineData("quotes by Jeffrey Bader", "Jeffrey Bader", null)]
    [InlineData("Henry Kissinger's remarks", "Henry Kissinger", null)]
    [InlineData("What is Norway's position on mackerel quotas?", "Norway", "mackerel quotas")]
    [InlineData("What's Ada Lovelace's view on engines?", "Ada Lovelace", "engines")]
    [InlineData("Ada Lovelace's take on engines", "Ada Lovelace", "engines")]
    public void SpeakerQuestions_NameThePersonAndTopic(string text, string name, string? topic)
    {
        var question = Assert.IsType<Question.ForSpeaker>(QuestionReader.Read(text));
        Assert.Equal(name, question.Name);
        Assert.Equal(topic, question.Topic);
    }

    [Fact]
    public void WhoQuestions_SearchWhoseWordsMatchTheClaim()
    {
        var question = Assert.IsType<Question.ForWhoSaid>(QuestionReader.Read("who called the meeting a turning point"));
        Assert.Equal("the meeting a turning point", question.Claim);
    }

    [Theory]
    [InlineData("When does the tariff truce expire?", true)]
    [InlineData("What is the deadline for the reciprocal tariffs?", true)]
    [InlineData("when did Xi and Trump meet in Busan", false)]
    [InlineData("When did Okafor first propose the harbour levy?", false)]
    public void WhenQuestions_LookAtTheTimelineFirst(string text, bool aboutDeadline) =>
        Assert.Equal(aboutDeadline, Assert.IsType<Question.ForWhen>(QuestionReader.Read(text)).AboutDeadline);

    [Theory]
    [InlineData("What was agreed in Kuala Lumpur?")]
    [InlineData("Did China remove duties on soybeans?")]
    [InlineData("agreement on AI and nuclear launch decisions")]
    [InlineData("title:\"G2 AND (")]
    public void OtherQuestions_AreFreeTextSearches(string text) =>
        Assert.IsType<Question.ForPassages>(QuestionReader.Read(text));

    [Fact]
    public void ControlCharactersAndRunsOfWhitespace_AreFlattened() =>
        Assert.Equal("soy beans now", QuestionReader.Normalise("soy\u0000\tbeans \r\n now"));

    [Fact]
    public void OverlongInput_IsCut() =>
        Assert.Equal(QuestionReader.MaxQuestionChars, QuestionReader.Normalise(new string('a', 10_000)).Length);
}
