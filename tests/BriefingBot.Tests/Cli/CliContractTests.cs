using System.Text.Json;
using BriefingBot.Cli;

namespace BriefingBot.Tests.Cli;

/// <summary>The command-line contract of DESIGN.md, run in-process through the real verbs.</summary>
public sealed class CliContractTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string[] Paths => ["--corpus", RepositoryPaths.Corpus, "--index", folder.Combine("index")];

    [Fact]
    public async Task Index_PrintsTheSummaryOnItsFirstLine()
    {
        var (code, output, _) = await Run(["index", .. Paths, "--data", folder.Combine("data")]);
        Assert.Equal(0, code);
        Assert.Matches(@"^indexed 5 articles, \d+ passages, \d+ quotations, \d+ milestones in \d+\.\d\ds$", output.ReplaceLineEndings("\n").Split('\n')[0]);
    }

    [Fact]
    public async Task AskJson_HasTheDocumentedShape_AndBuildsAMissingIndex()
    {
        var (code, output, _) = await Run(["ask", "what did Wu Xinbo say", "--json", .. Paths]);

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("what did Wu Xinbo say", root.GetProperty("question").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("note").ValueKind);
        var first = root.GetProperty("results")[0];
        Assert.Equal("Wu Xinbo", first.GetProperty("speaker").GetString());
        Assert.Equal(JsonValueKind.Number, first.GetProperty("paragraph").ValueKind);
        Assert.Equal(JsonValueKind.Number, first.GetProperty("score").ValueKind);
        var article = first.GetProperty("article");
        foreach (var field in new[] { "id", "title", "author", "published", "file" })
            Assert.True(article.TryGetProperty(field, out _), $"article.{field} missing");
        Assert.EndsWith(".txt", article.GetProperty("file").GetString());
    }

    [Fact]
    public async Task AskTop_CapsTheResults()
    {
        var (_, output, _) = await Run(["ask", "tariffs", "--json", "--top", "2", .. Paths]);
        Assert.Equal(2, JsonDocument.Parse(output).RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task EmptyQuestion_IsAUsageError_WithOneLine()
    {
        var (code, output, error) = await Run(["ask", "  ", .. Paths]);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("ask", false)]
    [InlineData("milestones", false)]
    [InlineData("index", true)]
    [InlineData("reminders", true)]
    [InlineData("serve", true)]
    public async Task Help_OffersTheJobStoreFolder_OnlyToTheVerbsThatUseIt(string verb, bool offered)
    {
        var (code, output, _) = await Run([verb, "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("--index", output);
        Assert.Equal(offered, output.Contains("--data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownVerb_IsAUsageError()
    {
        var (code, _, error) = await Run("summon");
        Assert.Equal(2, code);
        Assert.StartsWith("error:", error);
    }

    [Fact]
    public async Task MissingCorpusFolder_FailsWithOneClearLine()
    {
        var (code, _, error) = await Run("ask", "tariffs", "--corpus", folder.Combine("nowhere"), "--index", folder.Combine("index"));
        Assert.Equal(1, code);
        Assert.Contains("nowhere", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task LuceneSyntax_IsAnsweredAsPlainText()
    {
        var (code, output, _) = await Run(["ask", "title:\"G2 AND (", "--json", .. Paths]);
        Assert.Equal(0, code);
        Assert.True(JsonDocument.Parse(output).RootElement.TryGetProperty("results", out _));
    }

    [Fact]
    public async Task MilestonesJson_ListsTheTruceExpiry_WithItsSource()
    {
        var (code, output, _) = await Run(["milestones", "--json", "--from", "2026-01-01", .. Paths]);

        Assert.Equal(0, code);
        var milestones = JsonDocument.Parse(output).RootElement.GetProperty("milestones").EnumerateArray().ToList();
        var expiry = milestones.First(m => m.GetProperty("date").GetString() == "2026-11-10");
        Assert.Equal("day", expiry.GetProperty("precision").GetString());
        Assert.Equal("upcoming", expiry.GetProperty("status").GetString());
        Assert.Contains("November 10, 2026", expiry.GetProperty("source").GetProperty("quote").GetString());
        var dates = milestones.Select(m => m.GetProperty("date").GetString()).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task MilestonesUpcoming_LeavesOutThePast()
    {
        var (_, output, _) = await Run(["milestones", "--json", "--upcoming", "--from", "2026-06-01", .. Paths]);
        var statuses = JsonDocument.Parse(output).RootElement.GetProperty("milestones").EnumerateArray()
            .Select(m => m.GetProperty("status").GetString()).ToList();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal("upcoming", s));
    }

    [Fact]
    public async Task MalformedFromDate_IsAUsageError()
    {
        var (code, _, error) = await Run(["milestones", "--from", "next tuesday", .. Paths]);
        Assert.Equal(2, code);
        Assert.Contains("--from", error);
    }
}
