using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord;

/// <summary>How a REST call ended, after the client's own retries.</summary>
public enum DiscordRestOutcome
{
    Succeeded,

    /// <summary>Retrying will not help: 400, 401, 403, 404 (the channel is gone, the bot lacks access, the token expired).</summary>
    PermanentFailure,

    /// <summary>Retries ran out on 5xx, timeouts or rate limits; a later attempt may succeed.</summary>
    TransientFailure,
}

/// <param name="Detail">Discord's error (<c>403 Missing Access (50001)</c>) or what went wrong, for logs and reports.</param>
public sealed record DiscordRestResult(DiscordRestOutcome Outcome, HttpStatusCode? Status = null, string? Detail = null)
{
    public bool Succeeded => Outcome == DiscordRestOutcome.Succeeded;
}

/// <summary>
/// The bot's calls to Discord's REST API, each one honouring rate limits exactly (a 429's <c>retry_after</c>, the
/// <c>X-RateLimit-*</c> buckets, the global limit) and retrying 5xx and timeouts with bounded exponential back-off.
/// Never throws for a failed call (only for cancellation); it returns a <see cref="DiscordRestResult"/>.
/// </summary>
public sealed class DiscordRestClient(
    IHttpClientFactory httpClients,
    DiscordRateLimiter limiter,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordRestClient> logger)
{
    /// <summary>The named <see cref="HttpClient"/> this client uses (base address and User-Agent set at registration).</summary>
    public const string HttpClientName = "Discord";

    private readonly DiscordOptions settings = options.Value;

    /// <summary>Posts as the bot in a channel.</summary>
    public Task<DiscordRestResult> CreateMessageAsync(string channelId, DiscordMessage message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.CreateMessage(channelId), message, cancellationToken);

    /// <summary>Edits the first reply to an interaction: this is how a deferred reply is finished.</summary>
    public Task<DiscordRestResult> EditOriginalResponseAsync(string interactionToken, DiscordMessage message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.EditOriginalResponse(settings.ApplicationId, interactionToken), message, cancellationToken);

    public Task<DiscordRestResult> DeleteOriginalResponseAsync(string interactionToken, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.DeleteOriginalResponse(settings.ApplicationId, interactionToken), null, cancellationToken);

    /// <summary>Adds a message after the first reply to an interaction (<see cref="DiscordMessage.Ephemeral"/> for the invoker only).</summary>
    public Task<DiscordRestResult> CreateFollowUpAsync(string interactionToken, DiscordMessage message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.CreateFollowUp(settings.ApplicationId, interactionToken), message, cancellationToken);

    /// <summary>Replaces every command of the application, globally or in one guild.</summary>
    public Task<DiscordRestResult> OverwriteCommandsAsync(string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.OverwriteCommands(settings.ApplicationId, guildId), commands, cancellationToken);

    private async Task<DiscordRestResult> SendAsync(DiscordRoute route, object? body, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        for (var attempt = 0; ; attempt++)
        {
            var retriesLeft = attempt < settings.MaxRetries;
            if (!await limiter.WaitAsync(route, settings.MaxRateLimitWait, cancellationToken))
                return Failed(route, DiscordRestOutcome.TransientFailure, null, $"rate limited for longer than {settings.MaxRateLimitWait}");

            using var response = await TrySendAsync(http, route, body, cancellationToken);
            if (response is null)
            {
                if (!retriesLeft) return Failed(route, DiscordRestOutcome.TransientFailure, null, "no response (timeout or connection failure)");
                await Task.Delay(Backoff(attempt), time, cancellationToken);
                continue;
            }

            limiter.Observe(route, response);
            if (response.IsSuccessStatusCode) return new DiscordRestResult(DiscordRestOutcome.Succeeded, response.StatusCode);

            var error = await ReadErrorAsync(response, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = error.RetryDelay ?? DiscordRateLimiter.Seconds(Header(response, "Retry-After")) ?? TimeSpan.FromSeconds(1);
                var global = error.Global || string.Equals(Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
                limiter.Block(route, retryAfter, global);
                logger.LogWarning("Discord rate limit on {Route} ({Scope}): retry after {Seconds:F3}s", route, global ? "global" : Header(response, "X-RateLimit-Scope") ?? "route", retryAfter.TotalSeconds);
                if (!retriesLeft || retryAfter > settings.MaxRateLimitWait)
                    return Failed(route, DiscordRestOutcome.TransientFailure, response.StatusCode, $"rate limited for {retryAfter.TotalSeconds:F1}s");
                continue;
            }

            var transient = (int)response.StatusCode >= 500 || (response.StatusCode == HttpStatusCode.NotFound && route.NotFoundIsTransient);
            if (!transient) return Failed(route, DiscordRestOutcome.PermanentFailure, response.StatusCode, error.Describe(response.StatusCode));
            if (!retriesLeft) return Failed(route, DiscordRestOutcome.TransientFailure, response.StatusCode, error.Describe(response.StatusCode));
            await Task.Delay(Backoff(attempt), time, cancellationToken);
        }
    }

    // Null when no response came in time: the caller decides whether to retry.
    private async Task<HttpResponseMessage?> TrySendAsync(HttpClient http, DiscordRoute route, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(route.Method, route.Path);
        if (route.BotAuthorization) request.Headers.Authorization = new AuthenticationHeaderValue("Bot", settings.BotToken);
        if (body is not null)
        {
            // Buffered, so the request carries a Content-Length rather than a chunked body.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), DiscordJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var timeout = new CancellationTokenSource(settings.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var response = await http.SendAsync(request, linked.Token);
            await response.Content.LoadIntoBufferAsync(linked.Token);
            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Discord {Route} timed out after {Timeout}", route, settings.RequestTimeout);
            return null;
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Discord {Route} failed: {Error}", route, ex.Message);
            return null;
        }
    }

    private TimeSpan Backoff(int attempt) => settings.RetryBaseDelay * Math.Pow(2, Math.Min(attempt, 3));

    private DiscordRestResult Failed(DiscordRoute route, DiscordRestOutcome outcome, HttpStatusCode? status, string detail)
    {
        logger.LogWarning("Discord {Route} gave up ({Outcome}): {Detail}", route, outcome, detail);
        return new DiscordRestResult(outcome, status, detail);
    }

    private static async Task<DiscordError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<DiscordError>(DiscordJson.Options, cancellationToken) ?? DiscordError.Empty;
        }
        catch (JsonException)
        {
            return DiscordError.Empty; // an HTML page from a proxy: the status says enough
        }
        catch (NotSupportedException)
        {
            return DiscordError.Empty; // not JSON at all
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Discord's error body: <c>{"code":50001,"message":"Missing Access"}</c>, or a 429's <c>retry_after</c> (seconds, fractional).</summary>
    private sealed record DiscordError
    {
        public static DiscordError Empty { get; } = new();

        public int? Code { get; init; }

        public string? Message { get; init; }

        public double? RetryAfter { get; init; }

        public bool Global { get; init; }

        public TimeSpan? RetryDelay => DiscordRateLimiter.Seconds(RetryAfter);

        public string Describe(HttpStatusCode status) =>
            $"{(int)status} {Message ?? status.ToString()}" + (Code is null ? "" : $" ({Code})");
    }
}
