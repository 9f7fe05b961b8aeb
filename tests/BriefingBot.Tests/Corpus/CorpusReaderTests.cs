using System.Text;
using BriefingBot.Corpus;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Corpus;

public class CorpusReaderTests
{
    private static readonly string NestedFixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Corpus", "Nested");

    private readonly RecordingLogger<CorpusReader> logger = new();

    private CorpusReader Reader => new(logger);

    private static string CorpusWithOneGoodArticle(TempFolder temp)
    {
        File.WriteAllText(temp.Combine("good.txt"), "Negotiators met again on Tuesday.");
        return temp.Path;
    }

    [Fact]
    public void ReadsTxtAndMd_Recursively_IgnoringOtherFiles()
    {
        var snapshot = Reader.Read(NestedFixture);

        Assert.Equal(["asia/2025/deeper.md", "asia/SHOUT.TXT", "top.txt"], snapshot.Articles.Select(a => a.File));
        Assert.Equal("asia/2025/deeper", snapshot.Articles[0].Id);
        Assert.Equal("Mara Quill", snapshot.Articles[0].Author);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "binary" },
        { "controls.txt", Encoding.ASCII.GetBytes("\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 ab"), "binary" },
        { "latin1.txt", [.. "Caf"u8, 0xE9, .. " au lait."u8], "UTF-8" },
        { "empty.txt", [], "empty" },
        { "blank.md", "  \r\n\t\n"u8.ToArray(), "empty" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFile_IsSkippedWithAWarningNamingIt_AndTheRestStillReads(string name, byte[] content, string reason)
    {
        using var temp = new TempFolder();
        var folder = CorpusWithOneGoodArticle(temp);
        File.WriteAllBytes(temp.Combine(name), content);

        var snapshot = Reader.Read(folder);

        Assert.Equal(["good.txt"], snapshot.Articles.Select(a => a.File));
        var warning = Assert.Single(snapshot.Warnings);
        Assert.Equal(name, warning.File);
        Assert.Contains(reason, warning.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public void MissingFolder_ThrowsWithAOneLineMessageNamingIt()
    {
        using var temp = new TempFolder();
        var missing = temp.Combine("no-such-corpus");

        var error = Assert.Throws<CorpusFolderNotFoundException>(() => Reader.Read(missing));

        Assert.Contains("no-such-corpus", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void NoFolderGiven_ThrowsTheSameClearError(string folder) =>
        Assert.Throws<CorpusFolderNotFoundException>(() => Reader.Read(folder));

    [Fact]
    public void ByteOrderMarkAndCrLf_DoNotReachTheText()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.Combine("bom.txt"), [.. Encoding.UTF8.Preamble, .. "Harbour Talks Resume\r\n\r\nBy Mara Quill\r\nTalks resumed.\r\n"u8]);

        var article = Assert.Single(Reader.Read(temp.Path).Articles);

        Assert.Equal("Harbour Talks Resume", article.Title);
        Assert.Equal("Mara Quill", article.Author);
        Assert.Equal("Talks resumed.", article.GetParagraph(1).Text);
    }

    [Fact]
    public void EmptyFolder_IsAnEmptySnapshot()
    {
        using var temp = new TempFolder();

        var snapshot = Reader.Read(temp.Path);

        Assert.Empty(snapshot.Articles);
        Assert.Empty(snapshot.Warnings);
    }
}
