using BriefingBot.Timeline;

namespace BriefingBot.Tests.Timeline;

public sealed class WordSetTests
{
    private static readonly WordSet Words = new(["meeting", "summit"]);

    [Theory]
    [InlineData("the summit in Busan", 4, 6, true)]
    [InlineData("a meeting, then", 2, 7, true)]
    [InlineData("a meeting, then", 2, 8, false)]
    [InlineData("the summits", 4, 7, false)]
    [InlineData("the Summit", 4, 6, false)]
    public void LooksUpASliceOfTheText(string text, int start, int length, bool expected) =>
        Assert.Equal(expected, Words.Contains(text.AsSpan(start, length)));

    [Fact]
    public void With_AddsWords_AndLeavesTheOriginalAsItWas()
    {
        var more = Words.With(["talks"]);

        Assert.True(more.Contains("talks"));
        Assert.True(more.Contains("summit"));
        Assert.False(Words.Contains("talks"));
    }
}
