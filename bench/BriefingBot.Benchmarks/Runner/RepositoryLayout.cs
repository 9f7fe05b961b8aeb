namespace BriefingBot.Benchmarks.Runner;

/// <summary>Where the repository's pieces are, found from the working folder or the benchmark's own folder.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder holding <c>BriefingBot.sln</c>.</summary>
    /// <exception cref="InvalidOperationException">Run from outside the repository.</exception>
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped corpus (five real articles).</summary>
    public static string ShippedCorpus => Path.Combine(Root, "corpus");

    /// <summary>The development questions over the shipped corpus.</summary>
    public static string DevQuestions => Path.Combine(Root, "tests", "BriefingBot.Tests", "Fixtures", "dev-questions.json");

    public static string HostProject => Path.Combine(Root, "src", "BriefingBot");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "BriefingBot.sln")))
                    return dir.FullName;
        throw new InvalidOperationException("Run the benchmarks from inside the BriefingBot repository (BriefingBot.sln not found).");
    }
}
