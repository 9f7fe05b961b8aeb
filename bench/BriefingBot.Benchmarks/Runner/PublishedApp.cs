namespace BriefingBot.Benchmarks.Runner;

/// <summary>
/// The app as the evaluation builds it: <c>dotnet publish src/BriefingBot -c Release -o DIR</c> (no runtime identifier),
/// run as <c>dotnet DIR/BriefingBot.dll</c>.
/// </summary>
public static class PublishedApp
{
    /// <summary>The published <c>BriefingBot.dll</c>: <paramref name="given"/> when set, else a fresh publish into <paramref name="workFolder"/>.</summary>
    public static async Task<string> EnsureAsync(string? given, string workFolder)
    {
        if (given is not null)
        {
            var dll = Directory.Exists(given) ? Path.Combine(given, "BriefingBot.dll") : given;
            return File.Exists(dll) ? Path.GetFullPath(dll) : throw new FileNotFoundException($"--app: {dll} does not exist.");
        }
        var output = Path.Combine(workFolder, "app");
        Console.Error.WriteLine($"Publishing src/BriefingBot to {output} …");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "publish", RepositoryLayout.HostProject, "-c", "Release", "-o", output, "--nologo" }) start.ArgumentList.Add(arg);
        var published = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(20));
        if (published.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed:\n{published.Output}\n{published.Error}");
        return Path.Combine(output, "BriefingBot.dll");
    }
}
