using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>Discord's REST API on 127.0.0.1, answering every call with 200 and a message id, counting the calls.</summary>
public sealed class FakeDiscordApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private int calls;

    private FakeDiscordApi(WebApplication app) => this.app = app;

    /// <summary>What <c>Discord:ApiBaseUrl</c> is set to.</summary>
    public string BaseUrl => app.Urls.Single() + "/api/v10";

    /// <summary>REST calls received: one per deferred answer edited in (plus any follow-ups).</summary>
    public int Calls => Volatile.Read(ref calls);

    public static async Task<FakeDiscordApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscordApi(app);
        app.Run(async context =>
        {
            Interlocked.Increment(ref fake.calls);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"1400000000000000001"}""");
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
