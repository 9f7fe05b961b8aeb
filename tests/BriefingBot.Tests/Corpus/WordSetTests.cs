using BriefingBot.Corpus;

namespace BriefingBot.Tests.Corpus;

public sealed class WordSetTests
{
    [Theory]
    [InlineData("print", true)]
    [InlineData("PRINT", true)]
    [InlineData("Share this", true)]
    [InlineData("prin", false)]
    [InlineData("printer", false)]
    [InlineData("", false)]
    public void IgnoringCase_MatchesWholeMembersOnly(string text, bool expected) =>
        Assert.Equal(expected, new WordSet(ignoreCase: true, ["print", "share this"]).Contains(text));

    [Fact]
    public void WithCase_TellsCaseApart()
    {
        var openers = new WordSet(ignoreCase: false, ["The", "But"]);

        Assert.True(openers.Contains("The"));
        Assert.False(openers.Contains("the"));
    }

    [Fact]
    public void LooksUpASliceOfALine()
    {
        var line = "Mr. Lin arrived at 9 a.m. on Jan. 4.";
        var titles = new WordSet(ignoreCase: true, ["mr", "jan"]);

        Assert.True(titles.Contains(line.AsSpan(0, 2)));
        Assert.True(titles.Contains(line.AsSpan(29, 3)));
        Assert.False(titles.Contains(line.AsSpan(4, 3)));
    }

    [Fact]
    public void ALongerText_IsNeverAMember() =>
        Assert.False(new WordSet(ignoreCase: true, ["next"]).Contains(new string('x', 600)));

    [Fact]
    public void With_AddsWords_ComparedTheSameWay_AndLeavesTheOriginalAsItWas()
    {
        var words = new WordSet(ignoreCase: true, ["meeting", "summit"]);

        var more = words.With(["talks"]);

        Assert.True(more.Contains("TALKS"));
        Assert.True(more.Contains("summit"));
        Assert.False(words.Contains("talks"));
    }
}
