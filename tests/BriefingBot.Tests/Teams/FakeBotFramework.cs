using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using BriefingBot.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BriefingBot.Tests.Teams;

/// <summary>An RSA signing key as the Bot Framework publishes it: a JWKS entry with the channels it endorses.</summary>
public sealed class TestSigningKey(string kid, params string[] endorsements) : IDisposable
{
    private readonly RSA rsa = RSA.Create(2048);

    public string Kid { get; } = kid;

    public JsonObject Jwk
    {
        get
        {
            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            return new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = Kid,
                ["x5t"] = Kid,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
            };
        }
    }

    /// <summary>A JWT signed (RS256) with this key; claims as given, nothing added.</summary>
    public string Mint(
        string? audience,
        string issuer,
        DateTime notBefore,
        DateTime expires,
        IDictionary<string, object>? claims = null,
        IDictionary<string, object>? headers = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            Expires = expires,
            Claims = claims,
            AdditionalHeaderClaims = headers,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = Kid }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A valid Bot Framework channel token for our app, naming <paramref name="serviceUrl"/>.</summary>
    public string ChannelToken(string serviceUrl) =>
        Mint(TeamsActivities.AppId, BotFrameworkAuthenticator.BotFrameworkIssuer, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(55),
            new Dictionary<string, object> { ["serviceurl"] = serviceUrl });

    public void Dispose() => rsa.Dispose();
}

/// <summary>A request the fake connector received: the raw target (ids still percent-encoded), auth header and body.</summary>
public sealed record ConnectorRequest(string Method, string RawTarget, string? Authorization, JsonObject Body);

/// <summary>
/// The Bot Framework's side of the wire on 127.0.0.1: OpenID metadata (<c>/openid</c>), its JWKS (<c>/keys</c>, with
/// endorsements), the token endpoint (<c>/token</c>) and the Bot Connector (<c>/connector/v3/...</c>). Connector
/// answers can be scripted (a 429 before the 201); otherwise it accepts every post.
/// </summary>
public sealed class FakeBotFramework : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<ConnectorRequest> connectorRequests = Channel.CreateUnbounded<ConnectorRequest>();
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> scriptedAnswers = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> tokenRequests = new();
    private volatile TestSigningKey[] keys = [];
    private int metadataFetches;
    private int activityIds;

    private FakeBotFramework(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public string OpenIdMetadataUrl => new Uri(BaseUrl, "openid").AbsoluteUri;

    public string TokenEndpoint => new Uri(BaseUrl, "token").AbsoluteUri;

    /// <summary>The connector, as activities name it (with a path, like <c>https://smba.trafficmanager.net/emea/</c>).</summary>
    public string ServiceUrl => new Uri(BaseUrl, "connector/").AbsoluteUri;

    /// <summary>How many times the OpenID metadata document was fetched.</summary>
    public int MetadataFetches => metadataFetches;

    /// <summary>The form fields of every token request, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests => [.. tokenRequests];

    /// <summary>The access token the token endpoint hands out (one per request, numbered).</summary>
    public static string AccessToken(int request) => $"test-access-token-{request}";

    public static async Task<FakeBotFramework> StartAsync(params TestSigningKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeBotFramework(builder.Build()) { keys = keys };
        fake.Map();
        await fake.app.StartAsync();
        fake.BaseUrl = new Uri(fake.app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Replaces the published key set (a key rotation).</summary>
    public void PublishKeys(params TestSigningKey[] published) => keys = published;

    /// <summary>The next connector post answers with <paramref name="status"/>, <paramref name="retryAfterSeconds"/> and an error body.</summary>
    public void AnswerNextPostWith(int status, string errorCode, int? retryAfterSeconds = null) =>
        scriptedAnswers.Enqueue(async response =>
        {
            response.StatusCode = status;
            if (retryAfterSeconds is { } seconds) response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await response.WriteAsJsonAsync(new { error = new { code = errorCode, message = "scripted by the test" } });
        });

    /// <summary>The next request the connector receives, waiting at most <paramref name="timeout"/> (default 15 s).</summary>
    public async Task<ConnectorRequest> NextConnectorRequestAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            return await connectorRequests.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The fake connector received nothing in time.");
        }
    }

    /// <summary>True if the connector received nothing more within <paramref name="wait"/>.</summary>
    public async Task<bool> ReceivesNothingWithinAsync(TimeSpan wait)
    {
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            await connectorRequests.Reader.WaitToReadAsync(cancel.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private void Map()
    {
        app.MapGet("/openid", () =>
        {
            Interlocked.Increment(ref metadataFetches);
            return Results.Json(new JsonObject
            {
                ["issuer"] = BotFrameworkAuthenticator.BotFrameworkIssuer,
                ["authorization_endpoint"] = "https://invalid.botframework.com/v1/auth",
                ["jwks_uri"] = new Uri(BaseUrl, "keys").AbsoluteUri,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        });
        app.MapGet("/keys", () => Results.Json(new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k.Jwk)]) }));
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            tokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = AccessToken(tokenRequests.Count) });
        });
        app.MapPost("/connector/v3/conversations/{**rest}", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
            var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            await connectorRequests.Writer.WriteAsync(new ConnectorRequest(
                context.Request.Method, target, context.Request.Headers.Authorization.FirstOrDefault(), body));
            if (scriptedAnswers.TryDequeue(out var answer))
            {
                await answer(context.Response);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status201Created;
            await context.Response.WriteAsJsonAsync(new { id = $"reply-{Interlocked.Increment(ref activityIds)}" });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
