using System.Text.Json.Nodes;

namespace BriefingBot.Tests.Teams;

/// <summary>
/// Inbound activities shaped like the payloads in specs/teams.md §8 (channel message @mentioning the bot, personal
/// message, install in a team), addressed to the test's bot and fake connector.
/// </summary>
public static class TeamsActivities
{
    public const string AppId = "00000000-0000-0000-0000-00000000b07a";
    public const string BotId = "28:" + AppId;
    public const string BotName = "Briefing Bot";
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string UserId = "29:1AbCdEfGhIjKlMnOp";
    public const string UserAadId = "6f1c2a3b-0000-4000-8000-00000000aa01";
    public const string AdminAadId = "6f1c2a3b-0000-4000-8000-0000000ad111";
    public const string ChannelId = "19:abc123def456@thread.tacv2";
    public const string TeamId = "19:team789@thread.tacv2";
    public const string PersonalConversationId = "a:1XyZpersonalConv0123456789";

    /// <summary>A message in a team channel, @mentioning the bot (fixture A): "&lt;at&gt;Briefing Bot&lt;/at&gt; {command}".</summary>
    public static JsonObject ChannelMessage(string serviceUrl, string command, string id = "1718000000123", string userAadId = UserAadId) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2025-06-10T08:00:00.123Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Jane Doe", ["aadObjectId"] = userAadId },
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = TenantId,
            ["id"] = $"{ChannelId};messageid={id}",
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["textFormat"] = "plain",
        ["text"] = $"<at>{BotName}</at> {command}\n",
        ["locale"] = "en-US",
        ["entities"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
                ["text"] = $"<at>{BotName}</at>",
            },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["platform"] = "Web" }),
        ["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = ChannelId,
            ["teamsTeamId"] = TeamId,
            ["channel"] = new JsonObject { ["id"] = ChannelId },
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        },
    };

    /// <summary>A message in the personal chat with the bot (fixture B).</summary>
    public static JsonObject PersonalMessage(string serviceUrl, string text, string id = "1718000100456", string userAadId = UserAadId) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2025-06-10T08:01:40.456Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Jane Doe", ["aadObjectId"] = userAadId },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = PersonalConversationId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["textFormat"] = "plain",
        ["text"] = text,
        ["locale"] = "en-US",
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["platform"] = "Windows" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    /// <summary>The bot installed in a team, its General channel selected (fixture C).</summary>
    public static JsonObject InstalledInTeam(string serviceUrl) => TeamMembership(serviceUrl, "membersAdded", "teamMemberAdded");

    /// <summary>The bot removed from the team.</summary>
    public static JsonObject RemovedFromTeam(string serviceUrl) => TeamMembership(serviceUrl, "membersRemoved", "teamMemberRemoved");

    private static JsonObject TeamMembership(string serviceUrl, string members, string eventType) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:0b9079f4-d4d3-3d8e-b883-798298053c7e",
        ["timestamp"] = "2025-06-10T07:59:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        [members] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["from"] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = UserAadId },
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = TenantId,
            ["id"] = ChannelId,
            ["name"] = "General",
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["channelData"] = new JsonObject
        {
            ["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = ChannelId } },
            ["team"] = new JsonObject { ["aadGroupId"] = "22222222-0000-4000-8000-000000000001", ["name"] = "Supply Chain", ["id"] = TeamId },
            ["eventType"] = eventType,
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        },
    };
}
