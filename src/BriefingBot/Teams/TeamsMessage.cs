using System.Text.Json.Nodes;

namespace BriefingBot.Teams;

/// <summary>
/// What the bot says in one Teams message: an Adaptive Card (serialized JSON) and its plain-text rendering, sent as
/// the activity's <c>summary</c> (notifications, clients without cards). Teams splits an activity carrying both
/// <c>text</c> and an attachment into two messages, hence <c>summary</c>.
/// </summary>
/// <param name="Shortened">True when quotes were cut or items left out to stay within Teams' size limit (the card says so).</param>
public sealed record TeamsMessage(string CardJson, string Summary, bool Shortened = false)
{
    /// <summary>The outgoing <c>message</c> activity, from <paramref name="bot"/> into <paramref name="conversationId"/>.</summary>
    public JsonObject ToActivity(string botId, string? botName, string conversationId, string? replyToId)
    {
        var activity = new JsonObject
        {
            ["type"] = ActivityTypes.Message,
            ["from"] = botName is null ? new JsonObject { ["id"] = botId } : new JsonObject { ["id"] = botId, ["name"] = botName },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
        };
        if (replyToId is not null) activity["replyToId"] = replyToId;
        activity["summary"] = Summary;
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = AdaptiveCard.ContentType,
            ["content"] = JsonNode.Parse(CardJson),
        });
        return activity;
    }
}
