using Microsoft.IdentityModel.Protocols;

namespace BriefingBot.Teams;

/// <summary>
/// Fetches OpenID metadata and key sets through <see cref="IHttpClientFactory"/> (a fresh client per fetch, so
/// handler rotation and logging apply), over HTTPS, or HTTP to loopback (test fakes).
/// </summary>
internal sealed class HttpClientDocumentRetriever(IHttpClientFactory clients, string clientName) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !ServiceUrlPolicy.IsSecureOrLoopback(uri))
            throw new IOException($"Refusing to fetch signing metadata from '{address}': https is required.");

        using var response = await clients.CreateClient(clientName).GetAsync(uri, cancel);
        if (!response.IsSuccessStatusCode)
            throw new IOException($"GET {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        return await response.Content.ReadAsStringAsync(cancel);
    }
}
