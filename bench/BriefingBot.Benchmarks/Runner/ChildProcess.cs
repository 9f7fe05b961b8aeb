using System.Diagnostics;
using System.Reflection;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>Starts processes the runner owns (and kills them by their own id, never by name).</summary>
public static class ChildProcess
{
    /// <summary>What a finished process left: exit code, output, and wall time from start to exit.</summary>
    public sealed record Outcome(int ExitCode, string Output, string Error, TimeSpan Elapsed);

    /// <summary>A start description for <c>dotnet <paramref name="dll"/> <paramref name="args"/></c>.</summary>
    /// <param name="workingDirectory">Where relative default paths (the app's <c>data/</c>) land; the current folder when null.</param>
    public static ProcessStartInfo Dotnet(
        string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return start;
    }

    /// <summary>This benchmark program again, with <paramref name="args"/>.</summary>
    public static ProcessStartInfo Self(IEnumerable<string> args) =>
        Dotnet(Assembly.GetEntryAssembly()!.Location, args);

    /// <summary>Runs to the end (killed after <paramref name="timeout"/>), echoing standard error when asked.</summary>
    public static async Task<Outcome> RunAsync(ProcessStartInfo start, TimeSpan timeout, bool echoErrors = false)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = echoErrors ? Echo(process.StandardError) : process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }
        var elapsed = clock.Elapsed;
        return new Outcome(process.ExitCode, await output, await error, elapsed);
    }

    private static async Task<string> Echo(StreamReader reader)
    {
        var all = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            Console.Error.WriteLine("  " + line);
            all.AppendLine(line);
        }
        return all.ToString();
    }
}
