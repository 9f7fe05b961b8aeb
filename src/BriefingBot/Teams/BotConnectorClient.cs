using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BriefingBot.Teams;

/// <summary>The outcome of one post to the Bot Connector, after retries.</summary>
/// <param name="ActivityId">The id Teams gave the new message, when sent.</param>
/// <param name="ErrorCode">The connector's error code (<c>BotNotInConversationRoster</c>, <c>Throttled</c>…), when it gave one.</param>
public sealed record SendResult(SendOutcome Outcome, string? ActivityId = null, HttpStatusCode? Status = null, string? ErrorCode = null, string? Detail = null)
{
    public bool Succeeded => Outcome == SendOutcome.Sent;

    /// <summary>The bot can no longer post there (removed, blocked, conversation deleted): forget the conversation.</summary>
    public bool ConversationGone =>
        ErrorCode is "BotNotInConversationRoster" or "ConversationBlockedByUser" or "ConversationNotFound"
        || (Status == HttpStatusCode.NotFound && ErrorCode is null);
}

public enum SendOutcome
{
    Sent,

    /// <summary>Will not succeed as it stands (not allowed, not found, refused as malformed or too big).</summary>
    PermanentFailure,

    /// <summary>Throttling or connector trouble outlasted the retries; a later attempt may succeed.</summary>
    TransientFailure,
}

/// <summary>
/// Posts activities to the Bot Connector: replies (<c>POST {serviceUrl}v3/conversations/{id}/activities/{replyToId}</c>)
/// and proactive posts (<c>POST {serviceUrl}v3/conversations/{id}/activities</c>), with the bot's token, only to
/// connectors <see cref="ServiceUrlPolicy"/> trusts. Throttling (429, honouring <c>Retry-After</c>) and transient
/// failures (412, 502, 503, 504, network) are retried with bounded, jittered exponential backoff; anything else is
/// reported at once. Never throws for a failed post.
/// </summary>
public sealed class BotConnectorClient(
    IHttpClientFactory clients,
    BotTokenProvider tokens,
    ServiceUrlPolicy serviceUrls,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotConnectorClient> logger)
{
    private readonly TeamsOptions settings = options.Value;

    /// <summary>Replies to activity <paramref name="replyToId"/> in <paramref name="conversation"/> (a thread id replies in the thread).</summary>
    public Task<SendResult> ReplyAsync(ConversationReference conversation, string replyToId, TeamsMessage message, CancellationToken cancellationToken) =>
        SendAsync(conversation, message, replyToId, cancellationToken);

    /// <summary>Posts into <paramref name="conversation"/> unprompted (a new post, for a channel).</summary>
    public Task<SendResult> SendToConversationAsync(ConversationReference conversation, TeamsMessage message, CancellationToken cancellationToken) =>
        SendAsync(conversation, message, null, cancellationToken);

    private async Task<SendResult> SendAsync(ConversationReference conversation, TeamsMessage message, string? replyToId, CancellationToken cancellationToken)
    {
        if (!serviceUrls.TryGetTrusted(conversation.ServiceUrl, out var serviceUrl))
            return Fail(SendOutcome.PermanentFailure, conversation, detail: $"serviceUrl '{conversation.ServiceUrl}' is not an allowed connector");

        var path = $"v3/conversations/{Uri.EscapeDataString(conversation.ConversationId)}/activities"
            + (replyToId is null ? "" : "/" + Uri.EscapeDataString(replyToId));
        var target = new Uri(serviceUrl, path);
        var body = message.ToActivity(conversation.BotId, conversation.BotName, conversation.ConversationId, replyToId)
            .ToJsonString(TeamsJson.Options);

        for (var attempt = 1; ; attempt++)
        {
            var result = await AttemptAsync(target, body, conversation, cancellationToken);
            if (result.Outcome != SendOutcome.TransientFailure || attempt >= settings.SendAttempts) return result.Result;

            var delay = result.RetryAfter ?? Backoff(attempt);
            if (delay > settings.RetryMaxDelay)
                return result.Result with { Detail = $"{result.Result.Detail}; asked to wait {delay.TotalSeconds:F0} s, longer than allowed" };
            logger.LogInformation("Teams connector: attempt {Attempt} to {Conversation} failed ({Detail}); retrying in {Delay:F1} s",
                attempt, conversation.ConversationId, result.Result.Detail, delay.TotalSeconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private async Task<Attempt> AttemptAsync(Uri target, string body, ConversationReference conversation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        HttpResponseMessage response;
        try
        {
            // The Test Tool plays the connector without tokens; everything else gets the bot's.
            if (!settings.DevelopmentMode)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
            response = await clients.CreateClient(TeamsServiceCollectionExtensions.ConnectorClient).SendAsync(request, cancellationToken);
        }
        catch (BotTokenException exception)
        {
            var outcome = exception.Transient ? SendOutcome.TransientFailure : SendOutcome.PermanentFailure;
            return new Attempt(Fail(outcome, conversation, detail: exception.Message), null);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new Attempt(Fail(SendOutcome.TransientFailure, conversation, detail: $"connector unreachable: {exception.Message}"), null);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
                return new Attempt(new SendResult(SendOutcome.Sent, await ReadIdAsync(response, cancellationToken), response.StatusCode), null);

            var (code, text) = await ReadErrorAsync(response, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized) tokens.Invalidate();
            var transient = response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests
                or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
            var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? string.Join(",", values) : null;
            logger.LogWarning("Teams connector answered {Status} {Code} for {Conversation} (correlation {Correlation}): {Message}",
                (int)response.StatusCode, code, conversation.ConversationId, correlation, text);
            var result = Fail(transient ? SendOutcome.TransientFailure : SendOutcome.PermanentFailure, conversation,
                response.StatusCode, code, $"{(int)response.StatusCode} {code ?? response.ReasonPhrase}");
            return new Attempt(result, transient ? RetryAfter(response) : null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is null ? null : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>Exponential from <see cref="TeamsOptions.RetryBaseDelay"/>, capped, with ±20 % jitter so throttled senders spread out.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = settings.RetryBaseDelay * Math.Pow(2, attempt - 1);
        var capped = exponential < settings.RetryMaxDelay ? exponential : settings.RetryMaxDelay;
        return capped * (0.8 + 0.4 * Random.Shared.NextDouble());
    }

    private SendResult Fail(SendOutcome outcome, ConversationReference conversation, HttpStatusCode? status = null, string? code = null, string? detail = null)
    {
        if (outcome == SendOutcome.PermanentFailure && status is null)
            logger.LogWarning("Teams post to {Conversation} failed: {Detail}", conversation.ConversationId, detail);
        return new SendResult(outcome, null, status, code, detail);
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var json = await ReadJsonAsync(response, cancellationToken);
        return json is { ValueKind: JsonValueKind.Object } && json.Value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
    }

    /// <summary>The connector's <c>{"error":{"code","message"}}</c>, when the body is that.</summary>
    private static async Task<(string? Code, string? Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var json = await ReadJsonAsync(response, cancellationToken);
        if (json is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            return (null, null);
        return (String(error, "code"), String(error, "message"));

        static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (text.Length == 0) return null;
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Attempt(SendResult Result, TimeSpan? RetryAfter)
    {
        public SendOutcome Outcome => Result.Outcome;
    }
}
