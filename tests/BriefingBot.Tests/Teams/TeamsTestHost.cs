using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BriefingBot.Hosting;
using BriefingBot.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Teams;

/// <summary>
/// The real <c>serve</c> host (<see cref="BotHost.Build"/>) on 127.0.0.1, with Teams pointed at a
/// <see cref="FakeBotFramework"/>, the shipped corpus, and index and data in a temp folder.
/// </summary>
public sealed class TeamsTestHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient client;

    private TeamsTestHost(WebApplication app)
    {
        this.app = app;
        client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public IServiceProvider Services => app.Services;

    /// <summary>Settings every test starts from: a multi-tenant app, one admin, the fake's endpoints.</summary>
    public static Dictionary<string, string?> Settings(FakeBotFramework fake, TempFolder folder) => new()
    {
        ["Teams:AppId"] = TeamsActivities.AppId,
        ["Teams:AppPassword"] = "test-app-password",
        ["Teams:OpenIdMetadataUrl"] = fake.OpenIdMetadataUrl,
        ["Teams:TokenEndpoint"] = fake.TokenEndpoint,
        ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1",
        ["Teams:AdminIds:0"] = TeamsActivities.AdminAadId,
        ["Teams:RetryBaseDelay"] = "00:00:00.050",
        ["BriefingBot:Corpus"] = RepositoryPaths.Corpus,
        ["BriefingBot:Index"] = folder.Combine("index"),
        ["BriefingBot:Data"] = folder.Combine("data"),
        // Quartz's job store is not what these tests are about; the Teams conversation store stays on SQLite.
        ["Scheduling:Store"] = "memory",
    };

    /// <summary>Builds the host with <paramref name="settings"/> and starts it on a free loopback port.</summary>
    public static async Task<TeamsTestHost> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var app = Build(settings, configure);
        await app.StartAsync();
        return new TeamsTestHost(app);
    }

    /// <summary>The host, built but not started.</summary>
    public static WebApplication Build(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null) =>
        BotHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls(settings.TryGetValue("urls", out var urls) && urls is not null ? urls : "http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            configure?.Invoke(builder);
        });

    /// <summary>POSTs <paramref name="activity"/> to <c>/api/messages</c>, with <c>Authorization: Bearer {token}</c> if given.</summary>
    public Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? token) =>
        PostRawAsync(activity.ToJsonString(), token);

    public Task<HttpResponseMessage> PostRawAsync(string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    /// <summary>Waits (at most 60 s) until <c>/readyz</c> says the index is built.</summary>
    public async Task WaitUntilReadyAsync()
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
            if ((await client.GetAsync("/readyz")).IsSuccessStatusCode) return;
        throw new TimeoutException("The index was not ready within 60 s.");
    }

    public Task<ConversationReference?> StoredConversationAsync(string conversationId) =>
        Services.GetRequiredService<TeamsConversationStore>().FindAsync(conversationId);

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
