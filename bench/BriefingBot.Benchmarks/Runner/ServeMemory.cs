using System.Diagnostics;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>Resident memory of <c>serve</c> (kB from <c>/proc/PID/status</c>): once ready, and after answering questions.</summary>
/// <param name="RestCalls">Calls to the fake Discord API that delivered the answers (an answer may take more than one message).</param>
public sealed record ServeMemoryResult(string Corpus, long ReadyRssKb, long AnsweredRssKb, long PeakRssKb, int Asks, int RestCalls, double ReadySeconds);

/// <summary>
/// Starts the published app's <c>serve</c> as a child process over a corpus whose index is already built (as after a
/// deployment's first start), with Discord enabled for a test application and the scheduler on its default SQLite
/// store; waits for <c>/readyz</c>, reads VmRSS, answers <c>/ask</c>s through the signed endpoint, reads it again.
/// </summary>
public static class ServeMemory
{
    public static async Task<ServeMemoryResult> RunAsync(string appDll, string corpus, string index, string workFolder, IReadOnlyList<string> questions, int asks)
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("serve memory is read from /proc (Linux).");
        await using var discord = await FakeDiscordApi.StartAsync();
        using var application = new SignedInteractions();
        var port = Readiness.FreePort();
        var data = Path.Combine(workFolder, "serve-data");
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        var environment = application.Settings(discord.BaseUrl).ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value);
        environment["BriefingBot__Corpus"] = corpus;
        environment["BriefingBot__Index"] = index;
        environment["BriefingBot__Data"] = data;
        environment["Logging__LogLevel__Default"] = "Warning";

        var start = ChildProcess.Dotnet(appDll, ["serve", "--urls", $"http://127.0.0.1:{port}"], environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("serve did not start");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var clock = Stopwatch.StartNew();
            if (!await Readiness.WaitAsync(http, TimeSpan.FromMinutes(10), () => !process.HasExited))
                throw new InvalidOperationException("serve did not become ready within 10 minutes.");
            var readySeconds = clock.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(3)); // start-up work after readiness (scheduler sync) settles
            var ready = Status(process.Id, "VmRSS");

            var answered = 0;
            foreach (var question in Enumerable.Range(0, asks).Select(i => questions[i % questions.Count]))
            {
                var before = discord.Calls;
                using var response = await http.SendAsync(application.Ask(question).ToHttp());
                if (!response.IsSuccessStatusCode) continue;
                answered++;
                // One at a time, each delivered before the next: the memory of answering, not of a backlog.
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (discord.Calls == before && DateTime.UtcNow < deadline) await Task.Delay(5);
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
            return new ServeMemoryResult(
                CorpusName.Of(corpus), ready, Status(process.Id, "VmRSS"), Status(process.Id, "VmHWM"),
                answered, discord.Calls, readySeconds);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>A kB figure of <c>/proc/PID/status</c> (VmRSS now, VmHWM its peak).</summary>
    private static long Status(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
