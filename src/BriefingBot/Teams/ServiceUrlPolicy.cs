using System.Net;
using Microsoft.Extensions.Options;

namespace BriefingBot.Teams;

/// <summary>
/// Decides which connector <c>serviceUrl</c>s the bot trusts with its token: HTTPS to a host in
/// <see cref="TeamsOptions.ServiceUrlHosts"/> (exact or <c>*.suffix</c>), or plain HTTP to a loopback host
/// listed explicitly there (test fakes). In development mode only loopback connectors (the Test Tool) are trusted.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<TeamsOptions> options)
{
    private readonly TeamsOptions options = options.Value;

    /// <summary>Parses <paramref name="serviceUrl"/> and returns it if trusted, normalised to end with '/'.</summary>
    public bool TryGetTrusted(string? serviceUrl, out Uri trusted)
    {
        trusted = null!;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !IsSecureOrLoopback(uri)
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            return false;

        var allowed = options.DevelopmentMode ? IsLoopback(uri) : IsListed(uri.IdnHost);
        if (!allowed) return false;

        // The path is kept exactly (it may carry the tenant id); "v3/..." is appended after a trailing slash.
        trusted = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return true;
    }

    /// <summary>HTTPS anywhere, HTTP only to a loopback host: a token sent over plain HTTP never leaves the machine.</summary>
    public static bool IsSecureOrLoopback(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));

    /// <summary>True for <c>localhost</c> and loopback IP addresses.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private bool IsListed(string host) => options.ServiceUrlHosts.Any(pattern =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase));
}
