using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BriefingBot.Teams;

/// <summary>The verdict on an inbound request: the trusted connector to answer through, or why it was refused.</summary>
public sealed record AuthenticationResult(Uri? ServiceUrl, string? Failure)
{
    public bool Succeeded => ServiceUrl is not null;

    public static AuthenticationResult Trusted(Uri serviceUrl) => new(serviceUrl, null);

    public static AuthenticationResult Refused(string failure) => new(null, failure);
}

/// <summary>
/// Authenticates inbound activities the way the Bot Framework requires of a bot (spec §2): a bearer JWT signed by a
/// key from the Bot Framework's OpenID metadata (refreshed when an unknown key id shows up), issued by
/// <c>https://api.botframework.com</c> to our app id, within its lifetime (5 minutes of skew), by a key endorsed for
/// the activity's channel, and naming the activity's <c>serviceUrl</c>. A single-tenant app also accepts Entra-issued
/// tokens pinned to its tenant. Either way the <c>serviceUrl</c> must pass <see cref="ServiceUrlPolicy"/>.
/// </summary>
/// <remarks>
/// <see cref="ConfigurationManager{T}"/> refreshes in the background unless the runtime switch
/// <c>Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking</c> is on (Directory.Build.props sets it), in which case a
/// refresh asked for on an unknown key id completes before this request is answered. Refreshes on request are
/// rate-limited by the manager (<see cref="BaseConfigurationManager.RefreshInterval"/>, 5 minutes), so forged key ids
/// cannot make the bot hammer the metadata endpoint.
/// </remarks>
public sealed class BotFrameworkAuthenticator
{
    /// <summary>The issuer of every Bot Framework channel token.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions options;
    private readonly ServiceUrlPolicy serviceUrls;
    private readonly TimeProvider time;
    private readonly ILogger<BotFrameworkAuthenticator> logger;
    private readonly JsonWebTokenHandler handler = new();
    private readonly ConfigurationManager<OpenIdConnectConfiguration> channelKeys;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? entraKeys;

    public BotFrameworkAuthenticator(
        IOptions<TeamsOptions> options,
        IHttpClientFactory clients,
        ServiceUrlPolicy serviceUrls,
        TimeProvider time,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        this.options = options.Value;
        this.serviceUrls = serviceUrls;
        this.time = time;
        this.logger = logger;
        var documents = new HttpClientDocumentRetriever(clients, TeamsServiceCollectionExtensions.OpenIdClient);
        channelKeys = new ConfigurationManager<OpenIdConnectConfiguration>(
            this.options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), documents);
        if (this.options.IsSingleTenant && this.options.AcceptEntraTokens)
            entraKeys = new ConfigurationManager<OpenIdConnectConfiguration>(
                this.options.ResolveTenant(this.options.EntraOpenIdMetadataUrl), new OpenIdConnectConfigurationRetriever(), documents);
    }

    /// <summary>Checks the <c>Authorization</c> header of a request carrying <paramref name="activity"/>.</summary>
    public async Task<AuthenticationResult> AuthenticateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        var result = await CheckAsync(authorization, activity, cancellationToken);
        if (!result.Succeeded)
            logger.LogWarning("Refused a Teams activity ({Type}, channel {Channel}): {Reason}", activity.Type, activity.ChannelId, result.Failure);
        return result;
    }

    private async Task<AuthenticationResult> CheckAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (!serviceUrls.TryGetTrusted(activity.ServiceUrl, out var serviceUrl))
            return AuthenticationResult.Refused($"serviceUrl '{activity.ServiceUrl}' is not an allowed connector");
        // The Test Tool sends no token; development mode only ever listens on, and answers, loopback.
        if (options.DevelopmentMode) return AuthenticationResult.Trusted(serviceUrl);

        if (authorization?.Split(' ') is not ["Bearer", { Length: > 0 } token])
            return AuthenticationResult.Refused("no bearer token");
        if (!handler.CanReadToken(token)) return AuthenticationResult.Refused("malformed token");
        JsonWebToken jwt;
        try { jwt = handler.ReadJsonWebToken(token); }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenMalformedException)
        {
            return AuthenticationResult.Refused("malformed token");
        }

        var failure = jwt.Issuer == BotFrameworkIssuer
            ? await ValidateChannelTokenAsync(token, jwt, activity, cancellationToken)
            : entraKeys is not null && EntraIssuers.Contains(jwt.Issuer)
                ? await ValidateEntraTokenAsync(token, jwt, activity, cancellationToken)
                : $"untrusted issuer '{jwt.Issuer}'";
        return failure is null ? AuthenticationResult.Trusted(serviceUrl) : AuthenticationResult.Refused(failure);
    }

    private async Task<string?> ValidateChannelTokenAsync(string token, JsonWebToken jwt, Activity activity, CancellationToken cancellationToken)
    {
        var (configuration, failure) = await ValidateAsync(channelKeys, token, jwt,
            [BotFrameworkIssuer], [options.AppId], cancellationToken);
        if (failure is not null) return failure;

        if (!IsEndorsed(configuration!, jwt.Kid, activity.ChannelId))
            return $"signing key '{jwt.Kid}' is not endorsed for channel '{activity.ChannelId}'";
        if (!jwt.TryGetPayloadValue<string>("serviceurl", out var claimed) || !SameServiceUrl(claimed, activity.ServiceUrl))
            return "the token's serviceurl claim does not match the activity's serviceUrl";
        return null;
    }

    /// <summary>Entra-issued tokens (single-tenant apps) carry neither endorsements nor always a serviceurl claim;
    /// they are pinned to our tenant, and the connector host allow-list guards the reply path.</summary>
    private async Task<string?> ValidateEntraTokenAsync(string token, JsonWebToken jwt, Activity activity, CancellationToken cancellationToken)
    {
        var appId = options.AppId;
        var (_, failure) = await ValidateAsync(entraKeys!, token, jwt,
            EntraIssuers, [appId, $"api://{appId}", $"api://botid-{appId}"], cancellationToken);
        if (failure is not null) return failure;

        if (!jwt.TryGetPayloadValue<string>("tid", out var tenant) || !string.Equals(tenant, options.TenantId, StringComparison.OrdinalIgnoreCase))
            return "the token's tenant is not ours";
        if (jwt.TryGetPayloadValue<string>("serviceurl", out var claimed) && !SameServiceUrl(claimed, activity.ServiceUrl))
            return "the token's serviceurl claim does not match the activity's serviceUrl";
        return null;
    }

    private string[] EntraIssuers =>
        [$"https://sts.windows.net/{options.TenantId}/", $"https://login.microsoftonline.com/{options.TenantId}/v2.0"];

    private async Task<(OpenIdConnectConfiguration? Configuration, string? Failure)> ValidateAsync(
        ConfigurationManager<OpenIdConnectConfiguration> keys,
        string token,
        JsonWebToken jwt,
        string[] issuers,
        string[] audiences,
        CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await keys.GetConfigurationAsync(cancellationToken);
            if (!HasKey(configuration, jwt.Kid))
            {
                // Keys rotate: an unknown key id is the cue to look again before refusing.
                keys.RequestRefresh();
                configuration = await keys.GetConfigurationAsync(cancellationToken);
            }
        }
        catch (InvalidOperationException exception)
        {
            logger.LogError(exception, "Bot Framework signing keys are unavailable from {Url}", keys.MetadataAddress);
            return (null, "signing keys unavailable");
        }
        if (!HasKey(configuration, jwt.Kid)) return (null, $"unknown signing key '{jwt.Kid}'");

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudiences = audiences,
            IssuerSigningKeys = configuration.SigningKeys,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = Algorithms,
            ClockSkew = ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
            LifetimeValidator = ValidateLifetime,
        };
        var result = await handler.ValidateTokenAsync(token, parameters);
        return result.IsValid ? (configuration, null) : (null, Describe(result.Exception));
    }

    /// <summary>nbf/exp against our clock (<see cref="TimeProvider"/>; IdentityModel's own is not settable), 5 minutes of skew.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null) throw new SecurityTokenNoExpirationException("The token has no expiry.");
        if (notBefore is { } start && start > now + ClockSkew)
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = start };
        if (expires.Value < now - ClockSkew)
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        return true;
    }

    private static bool HasKey(OpenIdConnectConfiguration configuration, string? kid) =>
        !string.IsNullOrEmpty(kid) && configuration.SigningKeys.Any(key => key.KeyId == kid);

    /// <summary>The JWKS entry of <paramref name="kid"/> lists the channels it may sign for in <c>endorsements</c>,
    /// a field outside the JWK standard that IdentityModel keeps in <see cref="JsonWebKey.AdditionalData"/>.</summary>
    private static bool IsEndorsed(OpenIdConnectConfiguration configuration, string kid, string? channelId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || string.IsNullOrEmpty(channelId)
            || !key.AdditionalData.TryGetValue("endorsements", out var value)
            || value is not JsonElement { ValueKind: JsonValueKind.Array } endorsements)
            return false;
        return endorsements.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == channelId);
    }

    private static bool SameServiceUrl(string? claimed, string? actual) =>
        claimed is not null && actual is not null && string.Equals(claimed, actual, StringComparison.OrdinalIgnoreCase);

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenInvalidAudienceException => "token audience is not this bot",
        SecurityTokenInvalidIssuerException => "untrusted token issuer",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSignatureException => "invalid signature",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not allowed",
        SecurityTokenNoExpirationException => "token has no expiry",
        _ => "invalid token" + (exception is null ? "" : $" ({exception.GetType().Name})"),
    };
}
