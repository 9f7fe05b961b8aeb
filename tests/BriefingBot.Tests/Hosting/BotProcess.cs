using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BriefingBot.Tests.Hosting;

/// <summary>
/// The built <c>BriefingBot.dll serve</c> as a child process, configured through environment variables as an admin
/// would (<c>Scheduling__TimeZone</c>), listening on a free loopback port. <see cref="Kill"/> is SIGKILL on Linux:
/// no shutdown code runs.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private static readonly string[] OwnPrefixes = ["BriefingBot__", "Discord__", "Teams__", "Scheduling__", "Logging__", "OTEL_", "ASPNETCORE_"];
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private BotProcess(string name, Process process, string url)
    {
        Name = name;
        this.process = process;
        Url = url;
    }

    public string Name { get; }

    public string Url { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string Tail(int lines = 60) => string.Join('\n', output.TakeLast(lines).Select(l => $"[{Name}] {l}"));

    /// <summary>Starts <c>serve</c> with <paramref name="settings"/> (<c>Section:Key</c>, passed as <c>Section__Key</c>).</summary>
    public static BotProcess Start(string name, IReadOnlyDictionary<string, string> settings, string workingFolder)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
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
        start.ArgumentList.Add(url);
        foreach (var key in start.Environment.Keys.Where(k => OwnPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = new Process { StartInfo = start };
        var bot = new BotProcess(name, process, url);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) bot.output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) bot.output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits (bounded) until <c>/readyz</c> answers 200: index open, scheduler running, store reachable.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan patience)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Name} exited with {process.ExitCode}:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync("/readyz");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
