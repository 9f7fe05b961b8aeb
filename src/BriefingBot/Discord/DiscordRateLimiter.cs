using System.Globalization;

namespace BriefingBot.Discord;

/// <summary>
/// Discord's rate limits as the API reports them: per bucket (<c>X-RateLimit-Bucket</c>, shared by routes) and
/// major resource, counted down locally between responses (the header races under concurrency), plus the global
/// limit. <see cref="WaitAsync"/> before a call; <see cref="Observe"/> and <see cref="Block"/> after. One per process.
/// </summary>
public sealed class DiscordRateLimiter(TimeProvider time)
{
    // Only windows that may still block are kept; expired ones are swept as new ones arrive, so webhook routes
    // (one per interaction token) do not pile up.
    private const int SweepAbove = 256;

    private readonly Lock gate = new();
    private readonly Dictionary<string, string> bucketOfRoute = [];
    private readonly Dictionary<string, Window> windows = [];
    private DateTimeOffset globalUntil = DateTimeOffset.MinValue;

    /// <summary>
    /// Waits until a call on <paramref name="route"/> is within its limits, and counts it. Returns false, without
    /// waiting, when that would take longer than <paramref name="maxWait"/>.
    /// </summary>
    public async Task<bool> WaitAsync(DiscordRoute route, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        while (true)
        {
            var delay = Reserve(route);
            if (delay <= TimeSpan.Zero) return true;
            if (delay > maxWait) return false;
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>Learns the route's bucket and what is left of it from a response's <c>X-RateLimit-*</c> headers.</summary>
    public void Observe(DiscordRoute route, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(response);
        var bucket = Header(response, "X-RateLimit-Bucket");
        var remaining = Header(response, "X-RateLimit-Remaining");
        var resetAfter = Seconds(Header(response, "X-RateLimit-Reset-After"));
        lock (gate)
        {
            if (bucket is not null) bucketOfRoute[route.ToString()] = bucket;
            if (int.TryParse(remaining, NumberStyles.None, CultureInfo.InvariantCulture, out var left) && resetAfter is { } after)
                Set(KeyOf(route), new Window(left, time.GetUtcNow() + after));
        }
    }

    /// <summary>After a 429: nothing more on this route's bucket (or anywhere, when <paramref name="global"/>) for <paramref name="retryAfter"/>.</summary>
    public void Block(DiscordRoute route, TimeSpan retryAfter, bool global)
    {
        ArgumentNullException.ThrowIfNull(route);
        var until = time.GetUtcNow() + retryAfter;
        lock (gate)
        {
            if (global && until > globalUntil) globalUntil = until;
            Set(KeyOf(route), new Window(0, until));
        }
    }

    /// <summary>Reads a decimal number of seconds (Discord sends fractions) from a header; null when absent or absurd.</summary>
    public static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? Seconds(seconds) : null;

    /// <summary>A number of seconds as a <see cref="TimeSpan"/>; null when absent, negative or beyond a day.</summary>
    public static TimeSpan? Seconds(double? seconds) =>
        seconds is >= 0 and <= 86_400 ? TimeSpan.FromSeconds(seconds.Value) : null;

    private TimeSpan Reserve(DiscordRoute route)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            // Interaction webhooks are exempt from the global limit.
            if (route.BotAuthorization && globalUntil > now) return globalUntil - now;
            var key = KeyOf(route);
            if (!windows.TryGetValue(key, out var window)) return TimeSpan.Zero;
            if (window.ResetAt <= now)
            {
                windows.Remove(key);
                return TimeSpan.Zero;
            }
            if (window.Remaining <= 0) return window.ResetAt - now;
            windows[key] = window with { Remaining = window.Remaining - 1 };
            return TimeSpan.Zero;
        }
    }

    private string KeyOf(DiscordRoute route) =>
        (bucketOfRoute.TryGetValue(route.ToString(), out var bucket) ? bucket : route.ToString()) + " " + route.Major;

    private void Set(string key, Window window)
    {
        if (windows.Count > SweepAbove)
        {
            var now = time.GetUtcNow();
            foreach (var expired in windows.Where(w => w.Value.ResetAt <= now).Select(w => w.Key).ToList()) windows.Remove(expired);
        }
        windows[key] = window;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private readonly record struct Window(int Remaining, DateTimeOffset ResetAt);
}
