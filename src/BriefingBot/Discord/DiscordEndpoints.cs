using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BriefingBot.Discord;

/// <summary>
/// <c>POST /discord/interactions</c>: the raw body is read once, its Ed25519 signature verified before anything is
/// parsed (401 otherwise), then it is parsed (400 with a reason when that fails) and answered inline.
/// </summary>
public static class DiscordEndpoints
{
    /// <summary>Interactions are a few kilobytes; refusing more before verification keeps unsigned junk cheap.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    internal static async Task<Results<JsonHttpResult<InteractionResponse>, ContentHttpResult>> HandleInteractionAsync(
        HttpRequest request,
        DiscordSignatureVerifier verifier,
        DiscordInteractionHandler handler,
        ILogger<DiscordInteractionHandler> logger,
        CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null) return TypedResults.Text("request body too large", statusCode: StatusCodes.Status413PayloadTooLarge);

        var check = verifier.Verify(request.Headers["X-Signature-Ed25519"], request.Headers["X-Signature-Timestamp"], body);
        if (check != SignatureCheck.Valid)
        {
            // Discord itself sends bad signatures to check this answer; not a warning.
            logger.LogInformation("Refused an interaction request: {Reason}", check);
            return TypedResults.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<Interaction>(body, DiscordJson.Options);
        }
        catch (JsonException ex)
        {
            return BadRequest($"malformed interaction JSON: {ex.Message}");
        }
        if (interaction is null || interaction.Problem is not null)
            return BadRequest($"not an interaction: {interaction?.Problem ?? "the body is JSON null"}");

        InteractionResponse response;
        try
        {
            response = await handler.HandleAsync(interaction, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Interaction {InteractionId} (/{Command}) failed", interaction.Id, interaction.Data?.Name);
            response = InteractionResponse.Message(new DiscordMessage("Sorry, that failed. The error has been logged.", Flags: DiscordMessage.Ephemeral));
        }
        return TypedResults.Json(response, DiscordJson.Options);

        ContentHttpResult BadRequest(string message) =>
            TypedResults.Text(message, statusCode: StatusCodes.Status400BadRequest);
    }

    // Null when the body exceeds MaxBodyBytes.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        // Sized by Content-Length when sent (Discord sends it), read through a pooled chunk: a request costs its body,
        // not a fresh 16 KB buffer (most of what an interaction allocated).
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }
}
