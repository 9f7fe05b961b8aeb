using BriefingBot.Corpus;

namespace BriefingBot.Tests.Corpus;

public sealed class TextWordsTests
{
    [Theory]
    [InlineData("", 0, true)]
    [InlineData("   ", 0, true)]
    [InlineData("Print", 0, false)]
    [InlineData("Print", 1, true)]
    [InlineData("  Figure 1.\tTariff  rates\n", 4, true)]
    [InlineData("  Figure 1.\tTariff  rates\n", 3, false)]
    public void AtMost_CountsWhitespaceSeparatedWords(string text, int max, bool expected) =>
        Assert.Equal(expected, TextWords.AtMost(text, max));

    [Fact]
    public void AtMost_AgreesWithSplittingOnWhitespace()
    {
        var text = "The truce, agreed in Kuala Lumpur on October 26, runs until November 10, 2026 — a year.";
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

        Assert.True(TextWords.AtMost(text, words));
        Assert.False(TextWords.AtMost(text, words - 1));
    }
}
