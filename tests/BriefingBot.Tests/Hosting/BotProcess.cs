using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace BriefingBot.Tests.Hosting;

/// <summary>
/// The built <c>BriefingBot.dll serve</c> as a child process, configured through environment variables as an admin
/// would (<c>Scheduling__TimeZone</c>), listening on a loopback port the system picks as it binds (a port found free
/// beforehand can be taken by another test before the bot binds it, and the bot then exits).
/// <see cref="KillAsync"/> is SIGKILL on Linux: no shutdown code runs.
/// </summary>
internal sealed partial class BotProcess : IAsyncDisposable
{
    private static readonly string[] OwnPrefixes = ["BriefingBot__", "Discord__", "Teams__", "Scheduling__", "Logging__", "OTEL_", "ASPNETCORE_"];
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource<string> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool killed;

    private BotProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }

    /// <summary>The process ended without the test killing it: it failed.</summary>
    public bool HasDied => process.HasExited && !killed;

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string Tail(int lines = 60) => string.Join('\n', output.TakeLast(lines).Select(l => $"[{Name}] {l}"));

    /// <summary>Starts <c>serve</c> with <paramref name="settings"/> (<c>Section:Key</c>, passed as <c>Section__Key</c>).</summary>
    public static BotProcess Start(string name, IReadOnlyDictionary<string, string> settings, string workingFolder)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BriefingBot.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var key in start.Environment.Keys.Where(k => OwnPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        // The host says where it listens at this level; the address is read from that line.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var process = new Process { StartInfo = start };
        var bot = new BotProcess(name, process);
        process.OutputDataReceived += (_, e) => bot.Record(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>
    /// Waits, within <paramref name="patience"/>, until <paramref name="condition"/> holds; fails at once, with their
    /// last lines, when one of <paramref name="bots"/> dies meanwhile, and with them on timeout.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan patience, params BotProcess[] bots)
    {
        try
        {
            await TestBot.Eventually(async () => bots.FirstOrDefault(b => b.HasDied) is { } dead
                ? throw new InvalidOperationException($"{dead.Name} exited with {dead.process.ExitCode} while waiting for {what}:\n{dead.Tail()}")
                : await condition(), what, patience);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{string.Join('\n', bots.Select(b => b.Tail()))}", e);
        }
    }

    /// <summary>Waits (bounded) until <c>/readyz</c> answers 200: index open, scheduler running, store reachable.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Name} exited with {process.ExitCode}:\n{Tail()}");
            if (!listening.Task.IsCompleted)
            {
                await Task.Delay(200);
                continue;
            }
            try
            {
                using var response = await http.GetAsync(new Uri(new Uri(await listening.Task), "/readyz"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy machine
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not turn ready within {patience}:\n{Tail()}");
    }

    /// <summary>SIGKILL, and wait for the process to be gone.</summary>
    public async Task KillAsync()
    {
        killed = true;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(bounded.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            process.Dispose();
        }
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private void Record(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match) listening.TrySetResult(match.Groups[1].Value);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
