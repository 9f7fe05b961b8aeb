using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>One request body signed the way Discord signs it: Ed25519 over the timestamp followed by the raw body.</summary>
public sealed record SignedRequest(string Kind, byte[] Body, string Signature, string Timestamp)
{
    public HttpRequestMessage ToHttp()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", Signature);
        request.Headers.Add("X-Signature-Timestamp", Timestamp);
        return request;
    }
}

/// <summary>
/// A test Discord application: an Ed25519 key made here (its public key goes into <c>Discord:PublicKey</c>) and
/// interactions shaped like Discord's, each with its own id and token.
/// </summary>
public sealed class SignedInteractions : IDisposable
{
    public const string ApplicationId = "1100000000000000000";
    public const string BotToken = "bench-bot-token";

    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private long nextId = 1300000000000000000;

    public string PublicKeyHex => Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>The settings that enable Discord for this application, its REST API at <paramref name="apiBaseUrl"/>.</summary>
    public IReadOnlyDictionary<string, string> Settings(string apiBaseUrl) => new Dictionary<string, string>
    {
        ["Discord:ApplicationId"] = ApplicationId,
        ["Discord:PublicKey"] = PublicKeyHex,
        ["Discord:BotToken"] = BotToken,
        ["Discord:ApiBaseUrl"] = apiBaseUrl,
    };

    /// <summary>A PING (Discord's endpoint check), signed now.</summary>
    public SignedRequest Ping() => Sign("ping", new JsonObject { ["id"] = NextId(), ["application_id"] = ApplicationId, ["type"] = 1, ["version"] = 1 });

    /// <summary>An <c>/ask</c> from a guild member, signed now.</summary>
    public SignedRequest Ask(string question)
    {
        var id = NextId();
        return Sign("ask", new JsonObject
        {
            ["id"] = id,
            ["application_id"] = ApplicationId,
            ["type"] = 2,
            ["version"] = 1,
            ["token"] = $"aW50ZXJhY3Rpb246{id}BENCHxTOKEN",
            ["guild_id"] = "1200000000000000001",
            ["channel_id"] = "1200000000000000050",
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = "1200000000000000777", ["username"] = "analyst" },
                ["roles"] = new JsonArray(),
                ["permissions"] = "277092879457",
            },
            ["data"] = new JsonObject
            {
                ["id"] = "1300000000000000001",
                ["name"] = "ask",
                ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question }),
            },
        });
    }

    public void Dispose() => key.Dispose();

    private string NextId() => Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);

    private SignedRequest Sign(string kind, JsonObject interaction)
    {
        var body = Encoding.UTF8.GetBytes(interaction.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]);
        return new SignedRequest(kind, body, Convert.ToHexStringLower(signature), timestamp);
    }
}
