using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace BriefingBot.Teams;

/// <summary>
/// The bot's own access token for the Bot Connector (client credentials, scope
/// <c>https://api.botframework.com/.default</c>), fetched once and reused until five minutes before it expires.
/// Never logged.
/// </summary>
public sealed class BotTokenProvider(
    IHttpClientFactory clients,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotTokenProvider> logger)
{
    private const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private CachedToken? cached;

    /// <summary>A valid token, from the cache when it has more than five minutes left.</summary>
    /// <exception cref="BotTokenException">The token endpoint refused or could not be reached.</exception>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (cached is { } token && time.GetUtcNow() < token.RefreshAfter) return token.Value;

        // One request at a time: concurrent posts wait for the token the first one fetches.
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } fresh && time.GetUtcNow() < fresh.RefreshAfter) return fresh.Value;
            cached = await RequestAsync(cancellationToken);
            return cached.Value;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets the cached token (the connector refused it), so the next call fetches a new one.</summary>
    public void Invalidate() => cached = null;

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoint = settings.ResolveTenant(settings.TokenEndpoint);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.AppId,
            ["client_secret"] = settings.AppPassword,
            ["scope"] = Scope,
        });

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(TeamsServiceCollectionExtensions.TokenClient).PostAsync(endpoint, form, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new BotTokenException($"The token endpoint {endpoint} could not be reached: {exception.Message}", transient: true, exception);
        }

        using (response)
        {
            var body = await ReadAsync(response, cancellationToken);
            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body.AccessToken))
            {
                // AADSTS codes in error_description say what is wrong (unknown app, wrong tenant, bad secret) without revealing it.
                var transient = (int)response.StatusCode >= 500 || response.StatusCode == System.Net.HttpStatusCode.TooManyRequests;
                throw new BotTokenException(
                    $"The token endpoint {endpoint} answered {(int)response.StatusCode}: {body.Error} {body.ErrorDescription}".TrimEnd(), transient);
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn ?? 0, 0));
            logger.LogInformation("Fetched a Bot Connector token valid for {Minutes:F0} minutes", lifetime.TotalMinutes);
            return new CachedToken(body.AccessToken, time.GetUtcNow() + lifetime - RefreshMargin);
        }
    }

    private static async Task<TokenResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TokenResponse>(TeamsJson.Options, cancellationToken) ?? TokenResponse.Empty;
        }
        catch (JsonException)
        {
            return TokenResponse.Empty; // an HTML error page from a proxy: the status code says enough
        }
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAfter);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription)
    {
        public static TokenResponse Empty { get; } = new(null, null, null, null);
    }
}

/// <summary>No token could be had; <see cref="Transient"/> when a later attempt may succeed.</summary>
public sealed class BotTokenException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
