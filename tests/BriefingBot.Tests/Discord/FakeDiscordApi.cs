using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Discord;

/// <summary>One request the fake Discord received.</summary>
/// <param name="Path">Relative to the API base, as the bot built it (<c>channels/123/messages</c>).</param>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the fake answers; headers such as <c>X-RateLimit-Remaining</c> included.</summary>
/// <param name="Delay">How long the fake waits before answering (to make a request time out).</param>
public sealed record FakeResponse(int Status, string Body = """{"id":"1400000000000000001"}""", IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>
/// Discord's REST API on 127.0.0.1: records every request and answers each route from its script (in order),
/// then with 200 and a message id.
/// </summary>
public sealed class FakeDiscordApi : IAsyncDisposable
{
    private const string BasePath = "/api/v10";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> scripts = new();
    private readonly SemaphoreSlim arrived = new(0);

    private FakeDiscordApi(WebApplication app) => this.app = app;

    /// <summary>The base address the bot is configured with (<c>Discord:ApiBaseUrl</c>).</summary>
    public string BaseUrl => app.Urls.Single() + BasePath;

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public static async Task<FakeDiscordApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscordApi(app);
        app.Run(fake.AnswerAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next answers to <paramref name="method"/> <paramref name="path"/>, in order.</summary>
    public void Script(string method, string path, params FakeResponse[] responses)
    {
        var queue = scripts.GetOrAdd($"{method} {path}", _ => new ConcurrentQueue<FakeResponse>());
        foreach (var response in responses) queue.Enqueue(response);
    }

    /// <summary>Waits (at most 10 s) until <paramref name="count"/> requests matching <paramref name="match"/> arrived.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<RecordedRequest, bool> match, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var matching = Requests.Where(match).ToList();
            if (matching.Count >= count) return matching;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await arrived.WaitAsync(left))
                throw new TimeoutException($"Expected {count} matching request(s), got {matching.Count}; all: {string.Join(", ", Requests.Select(r => r.Method + " " + r.Path))}");
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests in all arrived.</summary>
    public Task<IReadOnlyList<RecordedRequest>> WaitForAsync(int count) => WaitForAsync(_ => true, count);

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value!;
        path = path.StartsWith(BasePath + "/", StringComparison.Ordinal) ? path[(BasePath.Length + 1)..] : path;
        var method = context.Request.Method;
        var response = scripts.TryGetValue($"{method} {path}", out var queue) && queue.TryDequeue(out var scripted)
            ? scripted
            : new FakeResponse(method == "DELETE" ? 204 : 200, method == "DELETE" ? "" : """{"id":"1400000000000000001"}""");

        requests.Enqueue(new RecordedRequest(method, path,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body, DateTimeOffset.UtcNow));
        arrived.Release();

        if (response.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(response.Delay, context.RequestAborted); }
            catch (OperationCanceledException) { return; } // the client gave up waiting, as the test intends
        }
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        if (response.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        arrived.Dispose();
    }
}
