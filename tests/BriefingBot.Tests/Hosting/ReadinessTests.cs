using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using BriefingBot.Tests.Scheduling;
using Quartz;

namespace BriefingBot.Tests.Hosting;

/// <summary><c>/healthz</c> says the process is up; <c>/readyz</c> that the index is open, the scheduler running and its store reachable.</summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Readyz_TurnsReady_OnceTheIndexIsOpenAndTheSchedulerRuns()
    {
        await using var app = await TestBot.StartAsync(TestBot.Settings(folder));
        using var http = Client(app);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        await TestBot.Eventually(async () => (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, "/readyz to turn ready");
        Assert.Equal("Healthy", await http.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Readyz_IsUnavailable_WhileTheSchedulerIsInStandby()
    {
        await using var app = await TestBot.StartAsync(TestBot.Settings(folder));
        using var http = Client(app);
        await TestBot.Eventually(async () => (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, "/readyz to turn ready");

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();

        using var response = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("scheduler:", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_SaysTheIndexIsNotOpen_WhenTheCorpusFolderIsMissing()
    {
        await using var app = await TestBot.StartAsync(TestBot.Settings(folder, corpus: folder.Combine("no-such-corpus")));
        using var http = Client(app);

        await TestBot.Eventually(async () => (await http.GetStringAsync("/healthz")) == "ok", "/healthz");
        await TestBot.Eventually(async () =>
        {
            using var response = await http.GetAsync("/readyz");
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.ServiceUnavailable && body.Contains("index: Unhealthy") && body.Contains("no-such-corpus");
        }, "/readyz to name the missing corpus");
    }

    [PostgresFact]
    public async Task Readyz_IsUnavailable_WhenTheJobStoreCannotBeReached()
    {
        var database = await PostgresDatabase.CreateAsync();
        var settings = TestBot.Settings(folder);
        settings["Scheduling:Store"] = "postgres";
        settings["Scheduling:ConnectionString"] = database.ConnectionString;
        await using var app = await TestBot.StartAsync(settings);
        using var http = Client(app);
        await TestBot.Eventually(async () => (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, "/readyz to turn ready");

        await database.DisposeAsync(); // the database is dropped under the running bot

        await TestBot.Eventually(async () =>
        {
            using var response = await http.GetAsync("/readyz");
            return response.StatusCode == HttpStatusCode.ServiceUnavailable && (await response.Content.ReadAsStringAsync()).Contains("scheduler:");
        }, "/readyz to report the unreachable store");
    }

    private static HttpClient Client(WebApplication app) => new() { BaseAddress = new Uri(app.Urls.Single()) };
}
