using System.Net;
using System.Net.Sockets;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>Waiting for a host the runner started, and picking a port for one.</summary>
public static class Readiness
{
    /// <summary>Polls <c>GET /readyz</c> until it answers 200; false after <paramref name="timeout"/> or when <paramref name="stillRunning"/> says the host died.</summary>
    public static async Task<bool> WaitAsync(HttpClient http, TimeSpan timeout, Func<bool>? stillRunning = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && (stillRunning?.Invoke() ?? true))
        {
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        return false;
    }

    /// <summary>A TCP port free on 127.0.0.1 right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>How the report names a corpus folder: <c>corpus</c> (shipped) or the synthetic folder holding it.</summary>
public static class CorpusName
{
    public static string Of(string corpus)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(corpus));
        var parent = Path.GetFileName(Path.GetDirectoryName(full));
        return Path.GetFullPath(corpus) == Path.GetFullPath(RepositoryLayout.ShippedCorpus) || parent is null
            ? "shipped corpus (5 articles)"
            : parent.StartsWith("synthetic-", StringComparison.Ordinal) ? parent : Path.GetFileName(full);
    }
}
