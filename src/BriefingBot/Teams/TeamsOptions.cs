using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Teams;

/// <summary>
/// The Microsoft Teams adapter (Bot Framework protocol). Section <c>Teams</c>. Teams is enabled when
/// <see cref="AppId"/> is set or <see cref="DevelopmentMode"/> is on; otherwise the bot starts without it.
/// <see cref="AppPassword"/> is a secret: set it only through the environment (<c>Teams__AppPassword</c>).
/// </summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The Azure Bot's Microsoft App ID (a GUID): the audience of inbound tokens. Default empty (Teams disabled).</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app's client secret, for outbound tokens. Required when <see cref="AppId"/> is set. Default empty.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>
    /// The app's Entra tenant (a GUID) for a single-tenant registration; empty for a legacy multi-tenant one.
    /// When set, outbound tokens come from this tenant, inbound activities from other tenants are refused and
    /// Entra-issued inbound tokens pinned to it are accepted (<see cref="AcceptEntraTokens"/>). Default empty.
    /// </summary>
    public string TenantId { get; set; } = "";

    /// <summary>Bot Framework OpenID metadata (issuer, JWKS with channel endorsements).
    /// Default <c>https://login.botframework.com/v1/.well-known/openidconfiguration</c>.</summary>
    [Required]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Client-credentials token endpoint; <c>{tenant}</c> becomes <see cref="TenantId"/>, or
    /// <c>botframework.com</c> for a multi-tenant app. Default <c>https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token</c>.</summary>
    [Required]
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    /// <summary>Single-tenant apps only: also accept Entra-issued tokens (issuer and <c>tid</c> = <see cref="TenantId"/>).
    /// Default true.</summary>
    public bool AcceptEntraTokens { get; set; } = true;

    /// <summary>OpenID metadata for Entra-issued tokens; <c>{tenant}</c> becomes <see cref="TenantId"/>.
    /// Default <c>https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration</c>.</summary>
    [Required]
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// Hosts the bot will send its token to (<c>serviceUrl</c>s of validated activities must match one): exact names or
    /// <c>*.suffix</c>. HTTPS only, except loopback hosts listed here explicitly (test fakes). Default empty, meaning
    /// <see cref="DefaultServiceUrlHosts"/>; a list given in configuration replaces it (it is not added to it).
    /// </summary>
    public string[] AllowedServiceUrlHosts { get; set; } = [];

    /// <summary>The public, GCC and GCC High Teams connectors, and <c>*.botframework.com</c>.</summary>
    public static IReadOnlyList<string> DefaultServiceUrlHosts { get; } =
        ["smba.trafficmanager.net", "*.botframework.com", "smba.infra.gcc.teams.microsoft.com", "smba.infra.gov.teams.microsoft.us"];

    /// <summary>The hosts in force: <see cref="AllowedServiceUrlHosts"/>, or the defaults when none are configured.</summary>
    public IReadOnlyList<string> ServiceUrlHosts => AllowedServiceUrlHosts.Length > 0 ? AllowedServiceUrlHosts : DefaultServiceUrlHosts;

    /// <summary>Multi-tenant apps: tenants allowed to use the bot (empty = any). Single-tenant apps allow only
    /// <see cref="TenantId"/>. Default empty.</summary>
    public string[] AllowedTenantIds { get; set; } = [];

    /// <summary>Entra object ids (<c>from.aadObjectId</c>) of the users allowed to reindex and (un)subscribe. Default none.</summary>
    public string[] AdminIds { get; set; } = [];

    /// <summary>
    /// For Microsoft's Teams App Test Tool only: accept activities without a token and send replies without one,
    /// to a connector on loopback. The host refuses to start with it unless it listens on loopback only. Default false.
    /// </summary>
    public bool DevelopmentMode { get; set; }

    /// <summary>Attempts per outbound post (the first one included) on throttling and transient failures. Default 4.</summary>
    [Range(1, 10)]
    public int SendAttempts { get; set; } = 4;

    /// <summary>First retry delay when the connector gives no <c>Retry-After</c>; doubles per attempt, ±20 % jitter. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between attempts; a <c>Retry-After</c> beyond it ends the retries. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Message size budget, in bytes of UTF-16 as Teams counts them (observed limit ~28 KB). Default 28000.</summary>
    [Range(4000, 100_000)]
    public int MaxMessageBytes { get; set; } = 28_000;

    /// <summary>True when the adapter should run: an app id is configured or development mode is on.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(AppId) || DevelopmentMode;

    /// <summary>True for a single-tenant app registration.</summary>
    public bool IsSingleTenant => !string.IsNullOrWhiteSpace(TenantId);

    internal string ResolveTenant(string template) =>
        template.Replace("{tenant}", IsSingleTenant ? TenantId : "botframework.com", StringComparison.Ordinal);
}
