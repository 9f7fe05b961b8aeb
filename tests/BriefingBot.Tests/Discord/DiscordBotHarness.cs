using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Delivery;
using BriefingBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Discord;

/// <summary>
/// The real <c>serve</c> host (<see cref="BotHost.Build"/>) on Kestrel at 127.0.0.1, configured for a test
/// application whose public key is a key made in the test and whose REST API is a <see cref="FakeDiscordApi"/>,
/// answering from the shipped corpus. Sends interactions signed like Discord's.
/// </summary>
public sealed class DiscordBotHarness : IAsyncDisposable
{
    public const string ApplicationId = "1100000000000000000";
    public const string BotToken = "test-bot-token-NEVER-LOG-ME";
    public const string GuildId = "1200000000000000001";
    public const string GuildChannelId = "1200000000000000050";
    public const string DmChannelId = "1200000000000000999";

    /// <summary>Member permission bits: Manage Guild and more, but neither Administrator nor Manage Channels (spec §9.2).</summary>
    public const string MemberPermissions = "277092879457";

    /// <summary>Manage Channels (16) on top of <see cref="MemberPermissions"/>.</summary>
    public const string ChannelManagerPermissions = "277092879473";

    /// <summary>Administrator (8) alone: it implies every other permission.</summary>
    public const string AdministratorPermissions = "8";

    private readonly WebApplication app;
    private readonly TempFolder data;
    private long nextId = 1300000000000000100;

    private DiscordBotHarness(WebApplication app, TempFolder data, Ed25519TestKey key, FakeDiscordApi discord, CapturingLoggerProvider logs)
    {
        this.app = app;
        this.data = data;
        Key = key;
        Discord = discord;
        Logs = logs;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public Ed25519TestKey Key { get; }

    public FakeDiscordApi Discord { get; }

    /// <summary>The subscriptions the running bot keeps (the scheduler's store).</summary>
    public ISubscriptionStore Subscriptions => app.Services.GetRequiredService<ISubscriptionStore>();

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="settings">Overrides on top of the test application's settings (null removes one).</param>
    public static async Task<DiscordBotHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var discord = await FakeDiscordApi.StartAsync();
        var key = Ed25519TestKey.Generate();
        var data = new TempFolder();
        var logs = new CapturingLoggerProvider();
        var configuration = new Dictionary<string, string?>
        {
            ["BriefingBot:Corpus"] = RepositoryPaths.Corpus,
            ["BriefingBot:Index"] = data.Combine("index"),
            ["BriefingBot:Data"] = data.Combine("data"),
            ["Discord:ApplicationId"] = ApplicationId,
            ["Discord:PublicKey"] = key.PublicKeyHex,
            ["Discord:BotToken"] = BotToken,
            ["Discord:ApiBaseUrl"] = discord.BaseUrl,
            ["Discord:RetryBaseDelay"] = "00:00:00.010",
            ["Scheduling:Store"] = "memory",
            // Everything logged, so tests see what a deployment at its most verbose would write.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>()) configuration[name] = value;

        var app = BuildHost(configuration, logs);
        await app.StartAsync();
        var harness = new DiscordBotHarness(app, data, key, discord, logs);
        await harness.WaitUntilReadyAsync();
        return harness;
    }

    /// <summary>The <c>serve</c> host on 127.0.0.1:0 with <paramref name="settings"/> over everything else, not started.</summary>
    public static WebApplication BuildHost(IDictionary<string, string?> settings, ILoggerProvider? logs = null) =>
        BotHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug);
            if (logs is not null) builder.Logging.AddProvider(logs);
        });

    /// <summary>Polls <c>/readyz</c> (at most 60 s) as a deployment would before sending traffic: the index is built.</summary>
    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await Http.GetAsync("/readyz")).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The bot did not become ready: " + string.Join("\n", Logs.Lines.TakeLast(5)));
            await Task.Delay(50);
        }
    }

    /// <summary>A slash command from a guild member (permissions as given) or, with <paramref name="permissions"/> null, from a DM.</summary>
    public JsonObject Command(string name, string? permissions, params (string Name, object Value)[] options) =>
        Interaction(2, name, permissions, options.Select(o => Option(o.Name, o.Value, focused: false)));

    /// <summary>An autocomplete request for <paramref name="option"/> of <paramref name="command"/>, typed so far as <paramref name="typed"/>.</summary>
    public JsonObject Autocomplete(string command, string option, string typed, string? permissions) =>
        Interaction(4, command, permissions, [Option(option, typed, focused: true)]);

    /// <summary>Posts <paramref name="body"/> to the interactions endpoint, signed with the application's key now.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject body) => PostSignedAsync(body.ToJsonString(), DateTimeOffset.UtcNow, Key);

    public async Task<HttpResponseMessage> PostSignedAsync(string body, DateTimeOffset signedAt, Ed25519TestKey signer)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        return await PostRawAsync(bytes, signer.Sign(timestamp, bytes), timestamp);
    }

    public async Task<HttpResponseMessage> PostRawAsync(byte[] body, string? signature, string? timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null) request.Headers.Add("X-Signature-Ed25519", signature);
        if (timestamp is not null) request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await Http.SendAsync(request);
    }

    /// <summary>The reply Discord would get: status 200, JSON, parsed.</summary>
    public async Task<JsonElement> ReplyToAsync(JsonObject interaction)
    {
        using var response = await PostAsync(interaction);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The path an interaction's deferred reply is edited at.</summary>
    public static string OriginalPath(JsonObject interaction) =>
        $"webhooks/{ApplicationId}/{Uri.EscapeDataString((string)interaction["token"]!)}/messages/@original";

    /// <summary>The path of an interaction's follow-ups.</summary>
    public static string FollowUpPath(JsonObject interaction) =>
        $"webhooks/{ApplicationId}/{Uri.EscapeDataString((string)interaction["token"]!)}";

    private JsonObject Interaction(int type, string name, string? permissions, IEnumerable<JsonObject> options)
    {
        var id = Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
        var user = new JsonObject { ["id"] = "1200000000000000777", ["username"] = "analyst", ["global_name"] = "Ana Lyst", ["discriminator"] = "0", ["avatar"] = null };
        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = ApplicationId,
            ["type"] = type,
            ["version"] = 1,
            ["token"] = $"aW50ZXJhY3Rpb246{id}SECRETxINTERACTIONxTOKEN",
            ["locale"] = "en-GB",
            ["data"] = new JsonObject { ["id"] = "1300000000000000001", ["name"] = name, ["type"] = 1, ["options"] = new JsonArray([.. options]) },
        };
        if (permissions is null)
        {
            interaction["channel_id"] = DmChannelId;
            interaction["channel"] = new JsonObject { ["id"] = DmChannelId, ["type"] = 1 };
            interaction["context"] = 1;
            interaction["user"] = user;
        }
        else
        {
            interaction["guild_id"] = GuildId;
            interaction["guild_locale"] = "en-US";
            interaction["channel_id"] = GuildChannelId;
            interaction["channel"] = new JsonObject { ["id"] = GuildChannelId, ["type"] = 0, ["name"] = "briefings" };
            interaction["context"] = 0;
            interaction["app_permissions"] = "19456";
            interaction["member"] = new JsonObject { ["user"] = user, ["roles"] = new JsonArray(), ["nick"] = null, ["joined_at"] = "2025-01-15T09:00:00.000000+00:00", ["permissions"] = permissions };
        }
        return interaction;
    }

    private static JsonObject Option(string name, object value, bool focused)
    {
        var option = new JsonObject
        {
            ["name"] = name,
            ["type"] = value switch { bool => 5, int => 4, _ => 3 },
            ["value"] = value switch
            {
                bool b => JsonValue.Create(b),
                int n => JsonValue.Create(n),
                _ => JsonValue.Create((string)value),
            },
        };
        if (focused) option["focused"] = true;
        return option;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await Discord.DisposeAsync();
        Key.Dispose();
        data.Dispose();
    }
}
