using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BriefingBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework messaging endpoint: authenticate, remember the conversation, queue
/// messages for an answer, acknowledge. 401 for anything not authenticated (before the activity is acted on), 400 for
/// a body that is not an activity, 403 for a tenant not allowed, 501 for invokes (the bot sends no card actions).
/// </summary>
public static class TeamsEndpoints
{
    /// <summary>Teams activities are a few KB; anything far larger is not one.</summary>
    private const long MaxBodyBytes = 512 * 1024;

    /// <summary>Handles one inbound activity; answers to messages are sent later by <see cref="TeamsActivityWorker"/>.</summary>
    public static async Task<Results<Ok, BadRequest<string>, UnauthorizedHttpResult, StatusCodeHttpResult>> ReceiveAsync(
        HttpContext context,
        BotFrameworkAuthenticator authenticator,
        TeamsActivityQueue queue,
        TeamsConversationStore conversations,
        TeamsBot bot,
        IOptions<TeamsOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints));
        var authorization = context.Request.Headers.Authorization.ToString();
        if (settings.DevelopmentMode)
        {
            // No token to check: only this machine may talk to the bot.
            if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
                return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        else if (string.IsNullOrEmpty(authorization))
        {
            return TypedResults.Unauthorized();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, TeamsJson.Options, cancellationToken);
        }
        catch (JsonException exception)
        {
            return TypedResults.BadRequest($"The body is not a JSON activity: {exception.Message}");
        }
        catch (BadHttpRequestException exception)
        {
            return TypedResults.StatusCode(exception.StatusCode);
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
            return TypedResults.BadRequest("The activity has no type.");

        var auth = await authenticator.AuthenticateAsync(authorization, activity, cancellationToken);
        if (!auth.Succeeded) return TypedResults.Unauthorized();

        if (!IsTenantAllowed(settings, activity.TenantId))
        {
            logger.LogWarning("Refused a Teams activity from tenant {Tenant}, which is not allowed", activity.TenantId);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (activity.Type == ActivityTypes.Invoke) return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
        if (!string.Equals(activity.ChannelId, ActivityTypes.MsTeamsChannel, StringComparison.OrdinalIgnoreCase)) return TypedResults.Ok();

        var conversation = ConversationReference.FromActivity(activity, auth.ServiceUrl!, time.GetUtcNow());
        if (conversation is null) return TypedResults.BadRequest("The activity names no conversation or recipient.");

        try
        {
            switch (activity.Type)
            {
                case ActivityTypes.Message:
                    // Every authenticated message refreshes the stored reference (the serviceUrl can move).
                    await conversations.SaveAsync(conversation, cancellationToken);
                    return queue.TryEnqueue(new PendingMessage(activity, conversation)) == EnqueueResult.Full
                        ? TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable)
                        : TypedResults.Ok();
                case ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate:
                    await bot.TrackInstallationAsync(activity, conversation, cancellationToken);
                    return TypedResults.Ok();
                default:
                    return TypedResults.Ok();
            }
        }
        catch (SqliteException exception)
        {
            logger.LogError(exception, "The Teams conversation store failed");
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static bool IsTenantAllowed(TeamsOptions settings, string? tenant)
    {
        string[] allowed = settings.IsSingleTenant ? [settings.TenantId] : settings.AllowedTenantIds;
        return allowed.Length == 0 || allowed.Any(t => string.Equals(t, tenant, StringComparison.OrdinalIgnoreCase));
    }
}
