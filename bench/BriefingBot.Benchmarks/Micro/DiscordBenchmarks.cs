using BenchmarkDotNet.Attributes;
using BriefingBot.Benchmarks.Runner;
using BriefingBot.Discord;
using BriefingBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Benchmarks.Micro;

/// <summary>
/// The interactions endpoint without the network: Ed25519 verification alone, then the whole handler (read the body,
/// verify, parse, answer, write the JSON reply) for a PING and for an <c>/ask</c>, inside the real host
/// (<see cref="BotHost.Build"/>, started, its Discord REST calls going to a fake on 127.0.0.1) over the shipped corpus.
/// </summary>
[Config(typeof(FastJobs))]
public class DiscordBenchmarks
{
    /// <summary>Distinct signed /ask interactions cycled through: a repeated id would take the cheaper duplicate path.</summary>
    private const int SignedAsks = 20_000;

    private readonly SignedInteractions application = new();
    private FakeDiscordApi? discord;
    private WebApplication? app;
    private DiscordSignatureVerifier? verifier;
    private DiscordInteractionHandler? handler;
    private ILogger<DiscordInteractionHandler>? logger;
    private SignedRequest ping = null!;
    private SignedRequest[] asks = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        discord = FakeDiscordApi.StartAsync().GetAwaiter().GetResult();
        var work = Path.Combine(SyntheticCorpus.DefaultWorkFolder, "bdn-discord");
        var settings = new Dictionary<string, string?>
        {
            ["BriefingBot:Corpus"] = RepositoryLayout.ShippedCorpus,
            ["BriefingBot:Index"] = Path.Combine(work, "index"),
            ["BriefingBot:Data"] = Path.Combine(work, "data"),
            ["Scheduling:Store"] = "memory",
            // Room for every deferred /ask of a run, so each takes the queueing path rather than "busy".
            ["Discord:FollowUpQueueCapacity"] = "10000",
        };
        foreach (var (name, value) in application.Settings(discord.BaseUrl)) settings[name] = value;
        app = BotHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
        });
        app.StartAsync().GetAwaiter().GetResult();
        using (var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) })
            if (!Readiness.WaitAsync(http, TimeSpan.FromMinutes(5)).GetAwaiter().GetResult())
                throw new InvalidOperationException("The bot did not become ready.");
        verifier = app.Services.GetRequiredService<DiscordSignatureVerifier>();
        handler = app.Services.GetRequiredService<DiscordInteractionHandler>();
        logger = app.Services.GetRequiredService<ILogger<DiscordInteractionHandler>>();
        ping = application.Ping();
        asks = Enumerable.Range(0, SignedAsks).Select(i => application.Ask(i % 2 == 0 ? "What did Wu Xinbo say?" : "What was agreed in Kuala Lumpur?")).ToArray();
    }

    [Benchmark]
    public SignatureCheck VerifySignature() => verifier!.Verify(ping.Signature, ping.Timestamp, ping.Body);

    [Benchmark]
    public Task<int> HandlePing() => HandleAsync(ping);

    [Benchmark]
    public Task<int> HandleAsk() => HandleAsync(asks[next++ % asks.Length]);

    [GlobalCleanup]
    public void Cleanup()
    {
        app?.StopAsync().GetAwaiter().GetResult();
        (app as IDisposable)?.Dispose();
        discord?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        application.Dispose();
    }

    private async Task<int> HandleAsync(SignedRequest signed)
    {
        var context = new DefaultHttpContext { RequestServices = app!.Services };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = signed.Body.Length;
        context.Request.Body = new MemoryStream(signed.Body, writable: false);
        context.Request.Headers["X-Signature-Ed25519"] = signed.Signature;
        context.Request.Headers["X-Signature-Timestamp"] = signed.Timestamp;
        context.Response.Body = Stream.Null;
        var result = await DiscordEndpoints.HandleInteractionAsync(context.Request, verifier!, handler!, logger!, CancellationToken.None);
        await ((IResult)result).ExecuteAsync(context);
        return context.Response.StatusCode;
    }
}
