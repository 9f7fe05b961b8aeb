using BriefingBot.Briefing;
using BriefingBot.Delivery;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Teams;

/// <summary>
/// Posts scheduled reminders and digests into Teams conversations (<c>teams:&lt;conversation id&gt;</c>) the bot was
/// installed in, through the conversation reference stored at installation. A conversation that no longer has the
/// bot is forgotten, and the failure reported as permanent.
/// </summary>
public sealed class TeamsChannelPoster(
    TeamsConversationStore conversations,
    BotConnectorClient connector,
    TeamsMessageRenderer renderer,
    ILogger<TeamsChannelPoster> logger) : IChannelPoster
{
    public string Platform => ChannelAddress.Teams;

    public async Task<DeliveryResult> PostAsync(ChannelAddress channel, Post post, CancellationToken cancellationToken)
    {
        if (channel.Platform != Platform)
            return new DeliveryResult(DeliveryStatus.PermanentFailure, $"{channel} is not a Teams conversation");

        ConversationReference? reference;
        try
        {
            reference = await conversations.FindAsync(channel.Id, cancellationToken);
        }
        catch (SqliteException exception)
        {
            logger.LogError(exception, "Could not read the Teams conversation store");
            return new DeliveryResult(DeliveryStatus.TransientFailure, "conversation store unavailable: " + exception.Message);
        }
        if (reference is null)
            return new DeliveryResult(DeliveryStatus.PermanentFailure,
                $"the bot is not installed in Teams conversation {channel.Id} (no stored conversation reference)");

        var result = await connector.SendToConversationAsync(reference, renderer.Post(post), cancellationToken);
        if (result.Succeeded) return DeliveryResult.Delivered;

        if (result.ConversationGone)
        {
            logger.LogWarning("The bot is no longer in Teams conversation {Conversation} ({Code}); forgetting it", reference.ConversationId, result.ErrorCode);
            await conversations.RemoveAsync(reference.ConversationId, cancellationToken);
        }
        return new DeliveryResult(
            result.Outcome == SendOutcome.TransientFailure ? DeliveryStatus.TransientFailure : DeliveryStatus.PermanentFailure,
            result.Detail);
    }
}
