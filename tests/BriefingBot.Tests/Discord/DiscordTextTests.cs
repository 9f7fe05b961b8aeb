using BriefingBot.Discord;

namespace BriefingBot.Tests.Discord;

public sealed class DiscordTextTests
{
    [Fact]
    public void Truncate_TextThatFits_IsOnlyTrimmed() =>
        Assert.Equal("the truce holds", DiscordText.Truncate("  the truce holds \n", 40));

    [Fact]
    public void Truncate_TooLong_KeepsWholeWordsAndSaysItWasTruncated()
    {
        var cut = DiscordText.Truncate("The truce expires on 10 November and nobody has asked to extend it.", 40);

        Assert.Equal("The truce expires on 10" + DiscordText.TruncationMark, cut);
        Assert.True(cut.Length <= 40);
    }

    [Fact]
    public void Truncate_OneWordLongerThanTheLimit_IsCutAndStillMarked()
    {
        var url = "https://example.invalid/" + new string('a', 200);

        var cut = DiscordText.Truncate(url, 60);

        Assert.Equal(60, cut.Length);
        Assert.EndsWith(DiscordText.TruncationMark, cut);
        Assert.StartsWith(cut[..^DiscordText.TruncationMark.Length], url);
    }

    [Fact]
    public void Truncate_HardCut_NeverSplitsASurrogatePair()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 40)); // no spaces: a hard cut

        var kept = DiscordText.Truncate(emoji, 40)[..^DiscordText.TruncationMark.Length];

        Assert.False(char.IsHighSurrogate(kept[^1]));
        Assert.Equal(0, kept.Length % 2);
    }

    [Fact]
    public void Truncate_HardCut_NeverLeavesHalfAnEscape()
    {
        var escaped = DiscordText.Escape(new string('*', 100)); // \*\*\*…

        var kept = DiscordText.Truncate(escaped, 40)[..^DiscordText.TruncationMark.Length];

        Assert.Equal(0, kept.Length % 2);
        Assert.EndsWith("\\*", kept);
    }

    [Fact]
    public void Escape_MarkdownAndMentions_RenderLiterally() =>
        Assert.Equal(@"\*\*bold\*\* \_x\_ \~\~s\~\~ \`c\` \|\|spoiler\|\| \<@123> \[link\](u)", DiscordText.Escape("**bold** _x_ ~~s~~ `c` ||spoiler|| <@123> [link](u)"));

    [Fact]
    public void Escape_HeadingListAndQuoteMarkers_OnlyAtLineStart() =>
        Assert.Equal("\\# Title\n\\- item\n\\> quote\nU.S.-China > 3 # 1", DiscordText.Escape("# Title\n- item\n> quote\nU.S.-China > 3 # 1"));

    [Fact]
    public void Blockquote_MarksEveryLine() =>
        Assert.Equal("> first\n> second", DiscordText.Blockquote("first\r\nsecond"));

    [Fact]
    public void JoinLines_AllFit_JoinsThemAll() =>
        Assert.Equal("a\nb\nc", DiscordText.JoinLines(["a", "b", "c"], 100));

    [Fact]
    public void JoinLines_TooMany_KeepsWholeLinesAndCountsTheRest()
    {
        var lines = Enumerable.Range(1, 50).Select(i => $"line number {i:00}").ToList();

        var joined = DiscordText.JoinLines(lines, 100);

        Assert.True(joined.Length <= 100);
        var kept = joined.Split('\n');
        Assert.Equal($"…and {50 - (kept.Length - 1)} more", kept[^1]);
        Assert.Equal(lines.Take(kept.Length - 1), kept[..^1]);
    }
}
