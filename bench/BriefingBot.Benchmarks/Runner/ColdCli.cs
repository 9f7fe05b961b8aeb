namespace BriefingBot.Benchmarks.Runner;

/// <summary>Wall time from process start to exit of one CLI invocation, repeated.</summary>
public sealed record ColdResult(string Command, int Runs, double MedianSeconds, double MinSeconds, double MaxSeconds);

/// <summary>
/// Cold CLI latency: <c>dotnet BriefingBot.dll ask …</c> on the shipped corpus with its index already built, timed
/// from process start to exit (what a user or a script waits), and the bare start-up of the same executable as floor.
/// </summary>
public static class ColdCli
{
    public static async Task<IReadOnlyList<ColdResult>> RunAsync(string appDll, string corpus, string workFolder, int runs)
    {
        var index = Path.Combine(workFolder, "cold-index");
        if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
        // Run from the work folder, and the job store `index` also updates kept there: nothing lands in the repository.
        var built = await ChildProcess.RunAsync(
            ChildProcess.Dotnet(appDll, ["index", "--corpus", corpus, "--index", index, "--data", Path.Combine(workFolder, "cold-data")], workingDirectory: workFolder),
            TimeSpan.FromMinutes(5));
        if (built.ExitCode != 0) throw new InvalidOperationException($"index failed: {built.Error}");

        string[] speaker = ["ask", "What did Wu Xinbo say?", "--json", "--corpus", corpus, "--index", index];
        string[] freeText = ["ask", "What was agreed in Kuala Lumpur?", "--json", "--corpus", corpus, "--index", index];
        return
        [
            await TimeAsync(appDll, workFolder, "ask \"What did Wu Xinbo say?\" --json", speaker, runs),
            await TimeAsync(appDll, workFolder, "ask \"What was agreed in Kuala Lumpur?\" --json", freeText, runs),
            await TimeAsync(appDll, workFolder, "--version (start-up floor)", ["--version"], runs),
        ];
    }

    private static async Task<ColdResult> TimeAsync(string appDll, string workFolder, string label, string[] args, int runs)
    {
        var seconds = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var outcome = await ChildProcess.RunAsync(ChildProcess.Dotnet(appDll, args, workingDirectory: workFolder), TimeSpan.FromMinutes(2));
            if (outcome.ExitCode != 0) throw new InvalidOperationException($"{label} exited {outcome.ExitCode}: {outcome.Error}");
            seconds.Add(outcome.Elapsed.TotalSeconds);
        }
        seconds.Sort();
        return new ColdResult(label, runs, seconds[seconds.Count / 2], seconds[0], seconds[^1]);
    }
}
