using System.Diagnostics;
using System.Text.Json;
using BriefingBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>What the interactions endpoint sustained.</summary>
/// <param name="Outcomes">Responses by what they were: <c>pong</c>, <c>deferred</c> (the answer follows), <c>busy</c> (the follow-up queue was full and the user was told so), or an HTTP status.</param>
/// <param name="AnswersDelivered">REST calls with which the bot finished deferred answers (edit of the original reply, follow-ups), sent to the fake Discord API while the load ran and until the queue drained.</param>
/// <param name="AnswerSeconds">From the start of the load until the last of those calls (or a 20-second wait for them ran out).</param>
public sealed record LoadResult(
    string Corpus,
    int Concurrency,
    int Requests,
    double Seconds,
    LatencySummary All,
    IReadOnlyDictionary<string, LatencySummary> ByKind,
    IReadOnlyDictionary<string, int> Outcomes,
    int AnswersDelivered,
    double AnswerSeconds)
{
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>How fast deferred answers were finished: what bounds <c>/ask</c> under a flood, not the endpoint.</summary>
    public double AnswersPerSecond => AnswersDelivered / AnswerSeconds;
}

/// <summary>
/// The real <c>serve</c> host (<see cref="BotHost.Build"/>) on 127.0.0.1 with a test application key, its Discord REST
/// calls going to a fake on 127.0.0.1, loaded with signed PING and <c>/ask</c> interactions from a fixed number of
/// concurrent clients until a request count or a duration is reached, whichever comes first. Requests are signed before
/// the clock starts, so the figure is the server's (though client and server share the machine's cores).
/// </summary>
public static class DiscordLoad
{
    public static async Task<LoadResult> RunAsync(
        string corpus, string workFolder, IReadOnlyList<string> questions, int count, TimeSpan duration, int concurrency)
    {
        await using var discord = await FakeDiscordApi.StartAsync();
        using var application = new SignedInteractions();
        var settings = new Dictionary<string, string?>
        {
            ["BriefingBot:Corpus"] = corpus,
            ["BriefingBot:Index"] = Path.Combine(workFolder, "load-index"),
            ["BriefingBot:Data"] = Path.Combine(workFolder, "load-data"),
            ["Scheduling:Store"] = "memory",
        };
        foreach (var (name, value) in application.Settings(discord.BaseUrl)) settings[name] = value;

        // Log providers removed: console logging of every command would measure the terminal, not the bot.
        await using var app = BotHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(app.Urls.Single()),
        };
        if (!await Readiness.WaitAsync(http, TimeSpan.FromMinutes(5)))
            throw new InvalidOperationException("The bot did not become ready (GET /readyz) within 5 minutes.");

        var warmup = Requests(application, questions, Math.Min(2_000, count));
        await FireAsync(http, warmup, concurrency, TimeSpan.FromSeconds(30));
        var delivered = discord.Calls;

        var requests = Requests(application, questions, count);
        var started = Stopwatch.StartNew();
        var (samples, seconds) = await FireAsync(http, requests, concurrency, duration);
        var done = samples.Where(s => s is not null).Select(s => s!).ToList();

        // Let the follow-up workers finish what was queued (bounded), to count answers delivered under load.
        var settle = Stopwatch.StartNew();
        var deferred = done.Count(s => s.Outcome == "deferred");
        while (discord.Calls - delivered < deferred && settle.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(10);
        var answerSeconds = started.Elapsed.TotalSeconds;
        await app.StopAsync();

        var all = new Latencies();
        all.AddRange(done.Select(s => s.Milliseconds));
        return new LoadResult(
            CorpusName.Of(corpus), concurrency, done.Count, seconds, all.Summary(),
            done.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => Summary(g.Select(s => s.Milliseconds))),
            done.GroupBy(s => s.Outcome).ToDictionary(g => g.Key, g => g.Count()),
            discord.Calls - delivered, answerSeconds);
    }

    private sealed record Sample(string Kind, string Outcome, double Milliseconds);

    /// <summary>Half PINGs, half <c>/ask</c>s over the questions, each interaction with its own id.</summary>
    private static List<SignedRequest> Requests(SignedInteractions application, IReadOnlyList<string> questions, int count) =>
        Enumerable.Range(0, count).Select(i => i % 2 == 0 ? application.Ping() : application.Ask(questions[i / 2 % questions.Count])).ToList();

    private static async Task<(Sample?[] Samples, double Seconds)> FireAsync(HttpClient http, List<SignedRequest> requests, int concurrency, TimeSpan duration)
    {
        var samples = new Sample?[requests.Count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests.Count && clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(requests[i].ToHttp());
                var body = await response.Content.ReadAsByteArrayAsync();
                samples[i] = new Sample(requests[i].Kind, Outcome(response, body), Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })).ToList();
        await Task.WhenAll(workers);
        return (samples, clock.Elapsed.TotalSeconds);
    }

    private static string Outcome(HttpResponseMessage response, byte[] body)
    {
        if (!response.IsSuccessStatusCode) return $"http-{(int)response.StatusCode}";
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("type").GetInt32() switch
        {
            1 => "pong",
            5 => "deferred",
            4 => "busy",
            var type => $"type-{type}",
        };
    }

    private static LatencySummary Summary(IEnumerable<double> milliseconds)
    {
        var latencies = new Latencies();
        latencies.AddRange(milliseconds);
        return latencies.Summary();
    }
}
