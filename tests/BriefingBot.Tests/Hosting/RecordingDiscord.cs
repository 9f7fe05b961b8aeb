using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Hosting;

/// <summary>
/// Discord's channel-message endpoint on 127.0.0.1 for bots in other processes. Each bot is given its own base
/// address (<see cref="BaseUrl"/>), so a post says which bot sent it. A message exists once the fake has answered
/// 200 for it, as on the real platform; after <see cref="HoldAfter"/>, further posts are held unanswered until their
/// sender gives up or dies, and never exist.
/// </summary>
internal sealed class RecordingDiscord : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ChannelPost> accepted = new();
    private readonly ConcurrentDictionary<Guid, ChannelPost> held = new();
    private readonly Lock gate = new();
    private int acceptLimit = int.MaxValue;

    private RecordingDiscord(WebApplication app) => this.app = app;

    /// <summary>A message the fake created: which bot posted it, into which channel, with what body.</summary>
    public sealed record ChannelPost(string Bot, string ChannelId, string Body);

    public IReadOnlyList<ChannelPost> Accepted => [.. accepted];

    /// <summary>Posts waiting for an answer that will never come.</summary>
    public IReadOnlyList<ChannelPost> Held => [.. held.Values];

    public static async Task<RecordingDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // Held posts are only ever ended by their sender; stopping must not wait for them.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        var fake = new RecordingDiscord(app);
        app.MapPost("/{bot}/api/v10/channels/{channel}/messages", fake.PostAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>What bot <paramref name="bot"/> is configured with as <c>Discord:ApiBaseUrl</c>.</summary>
    public string BaseUrl(string bot) => $"{app.Urls.Single()}/{bot}/api/v10";

    /// <summary>Creates at most <paramref name="count"/> messages in all, holding every post after them.</summary>
    public void HoldAfter(int count)
    {
        lock (gate) acceptLimit = count;
    }

    /// <summary>Creates every post from now on (held ones stay held).</summary>
    public void AcceptAll()
    {
        lock (gate) acceptLimit = int.MaxValue;
    }

    private async Task PostAsync(HttpContext context, string bot, string channel)
    {
        using var reader = new StreamReader(context.Request.Body);
        var post = new ChannelPost(bot, channel, await reader.ReadToEndAsync());
        bool accept;
        lock (gate)
        {
            accept = accepted.Count < acceptLimit;
            if (accept) accepted.Enqueue(post);
        }
        if (accept)
        {
            await context.Response.WriteAsJsonAsync(new { id = Guid.NewGuid().ToString("N"), channel_id = channel });
            return;
        }

        var id = Guid.NewGuid();
        held[id] = post;
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The sender timed out or died: the message was never created.
        }
        finally
        {
            held.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
