namespace BriefingBot.Teams;

/// <summary>
/// Where and as whom to post into a Teams conversation: taken only from activities whose token (and
/// <c>serviceUrl</c>) were validated, so a stored reference is a trusted one.
/// </summary>
/// <param name="ConversationId">The conversation; for a channel thread it carries <c>;messageid=</c> (see <see cref="BaseConversationId"/>).</param>
/// <param name="ServiceUrl">The connector for this conversation, as received (ends with '/').</param>
/// <param name="BotId">The bot's account in Teams (<c>28:&lt;app id&gt;</c>), the <c>from</c> of everything it sends.</param>
/// <param name="TeamId">The team, for a channel; removing the bot from the team forgets all its channels.</param>
/// <param name="VerifiedAt">When an authenticated activity last confirmed this reference.</param>
public sealed record ConversationReference(
    string ConversationId,
    string ServiceUrl,
    string ChannelId,
    string? TenantId,
    string? ConversationType,
    string? TeamId,
    string BotId,
    string? BotName,
    DateTimeOffset VerifiedAt)
{
    private const string ThreadMarker = ";messageid=";

    /// <summary>The conversation without a thread suffix: a channel, group chat or personal chat. Proactive posts go
    /// there (a new post in a channel), and subscriptions name it (<c>teams:&lt;id&gt;</c>).</summary>
    public string BaseConversationId => BaseOf(ConversationId);

    /// <summary>The reference to keep for proactive posts: the conversation itself rather than a thread in it.</summary>
    public ConversationReference ForConversation() => this with { ConversationId = BaseConversationId };

    /// <summary>Strips a <c>;messageid=</c> thread suffix.</summary>
    public static string BaseOf(string conversationId)
    {
        var marker = conversationId.IndexOf(ThreadMarker, StringComparison.OrdinalIgnoreCase);
        return marker < 0 ? conversationId : conversationId[..marker];
    }

    /// <summary>The reference of an authenticated activity, or null when it lacks a conversation, connector or recipient.</summary>
    public static ConversationReference? FromActivity(Activity activity, Uri trustedServiceUrl, DateTimeOffset verifiedAt)
    {
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id) || string.IsNullOrWhiteSpace(activity.Recipient?.Id))
            return null;
        return new ConversationReference(
            activity.Conversation.Id,
            trustedServiceUrl.AbsoluteUri,
            activity.ChannelId ?? ActivityTypes.MsTeamsChannel,
            activity.TenantId,
            activity.Conversation.ConversationType,
            activity.ChannelData?.Team?.Id,
            activity.Recipient.Id,
            activity.Recipient.Name,
            verifiedAt);
    }
}
