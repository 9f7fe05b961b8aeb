namespace BriefingBot.Benchmarks.Runner;

/// <summary>Wall time from process start to exit of one CLI invocation, repeated.</summary>
public sealed record ColdResult(string Command, string Corpus, int Runs, double MedianSeconds, double MinSeconds, double MaxSeconds);

/// <summary>
/// The published CLI as a user or a script runs it, timed from process start to exit: <c>ask</c> on the shipped corpus
/// with its index already built, the bare start-up of the same executable as floor, and on a synthetic corpus a
/// first <c>index</c> into an empty folder and <c>ask</c> over what it built.
/// </summary>
public static class ColdCli
{
    private const string Shipped = "shipped (5 articles)";

    public static async Task<IReadOnlyList<ColdResult>> RunAsync(string appDll, string corpus, string workFolder, int runs)
    {
        var index = Path.Combine(workFolder, "cold-index");
        await BuildAsync(appDll, corpus, index, workFolder);
        return
        [
            await TimeAsync(appDll, workFolder, "ask \"What did Wu Xinbo say?\" --json", Shipped, Ask("What did Wu Xinbo say?", corpus, index), runs),
            await TimeAsync(appDll, workFolder, "ask \"What was agreed in Kuala Lumpur?\" --json", Shipped, Ask("What was agreed in Kuala Lumpur?", corpus, index), runs),
            await TimeAsync(appDll, workFolder, "--version (start-up floor)", Shipped, ["--version"], runs),
        ];
    }

    /// <param name="synthetic">A generated corpus folder: <c>corpus/</c> and <c>questions.json</c>.</param>
    /// <param name="builds">How many first builds to time (each into an empty folder).</param>
    public static async Task<IReadOnlyList<ColdResult>> RunSyntheticAsync(string appDll, string synthetic, string workFolder, int builds, int runs)
    {
        var corpus = Path.Combine(synthetic, "corpus");
        var name = $"{Path.GetFileName(synthetic)} ({Directory.EnumerateFiles(corpus).Count():N0} articles)";
        var index = Path.Combine(workFolder, "cold-synthetic-index");
        var seconds = new List<double>();
        for (var build = 0; build < builds; build++)
            seconds.Add(await BuildAsync(appDll, corpus, index, workFolder));

        var questions = BenchQuestion.Load(Path.Combine(synthetic, "questions.json"));
        var speaker = questions.First(q => q.Category != "free-text").Text;
        var freeText = questions.First(q => q.Category == "free-text").Text;
        return
        [
            Summarise("index (into an empty folder)", name, seconds),
            await TimeAsync(appDll, workFolder, $"ask \"{speaker}\" --json", name, Ask(speaker, corpus, index), runs),
            await TimeAsync(appDll, workFolder, $"ask \"{freeText}\" --json", name, Ask(freeText, corpus, index), runs),
        ];
    }

    private static string[] Ask(string question, string corpus, string index) => ["ask", question, "--json", "--corpus", corpus, "--index", index];

    /// <returns>Seconds from process start to exit.</returns>
    private static async Task<double> BuildAsync(string appDll, string corpus, string index, string workFolder)
    {
        if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
        // Run from the work folder, and the job store `index` also updates kept there: nothing lands in the repository.
        var built = await ChildProcess.RunAsync(
            ChildProcess.Dotnet(appDll, ["index", "--corpus", corpus, "--index", index, "--data", Path.Combine(workFolder, "cold-data")], workingDirectory: workFolder),
            TimeSpan.FromMinutes(30));
        if (built.ExitCode != 0) throw new InvalidOperationException($"index failed: {built.Error}");
        return built.Elapsed.TotalSeconds;
    }

    private static async Task<ColdResult> TimeAsync(string appDll, string workFolder, string label, string corpus, string[] args, int runs)
    {
        var seconds = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var outcome = await ChildProcess.RunAsync(ChildProcess.Dotnet(appDll, args, workingDirectory: workFolder), TimeSpan.FromMinutes(2));
            if (outcome.ExitCode != 0) throw new InvalidOperationException($"{label} exited {outcome.ExitCode}: {outcome.Error}");
            seconds.Add(outcome.Elapsed.TotalSeconds);
        }
        return Summarise(label, corpus, seconds);
    }

    private static ColdResult Summarise(string label, string corpus, List<double> seconds)
    {
        seconds.Sort();
        return new ColdResult(label, corpus, seconds.Count, seconds[seconds.Count / 2], seconds[0], seconds[^1]);
    }
}
