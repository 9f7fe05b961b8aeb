using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BriefingBot.Teams;

/// <summary>
/// The fields of an inbound Bot Framework activity the adapter reads (JSON, camelCase). Unknown fields and
/// activity types are accepted and ignored.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<Entity?>? Entities { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public IReadOnlyList<ChannelAccount?>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount?>? MembersRemoved { get; init; }

    /// <summary><c>installationUpdate</c>: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    /// <summary>The tenant of the conversation, wherever Teams put it.</summary>
    [JsonIgnore]
    public string? TenantId => ChannelData?.Tenant?.Id ?? Conversation?.TenantId;
}

/// <summary>A user or bot: <c>29:…</c> users (with their Entra <paramref name="AadObjectId"/>), <c>28:&lt;app id&gt;</c> bots.</summary>
public sealed record ChannelAccount(string? Id, string? Name = null, string? AadObjectId = null);

/// <summary>A personal chat (<c>a:…</c>), group chat or channel (<c>19:…</c>, with <c>;messageid=</c> for a thread).</summary>
public sealed record ConversationAccount(string? Id, string? ConversationType = null, string? TenantId = null, bool? IsGroup = null);

/// <summary>An entry of <c>entities</c>; only mentions are read (<c>type</c> = <c>mention</c>).</summary>
public sealed record Entity(string? Type, ChannelAccount? Mentioned = null, string? Text = null);

/// <summary>Teams' own part of an activity: the tenant always, the team and channel in team contexts.</summary>
public sealed record TeamsChannelData(
    TeamsIdentity? Tenant = null,
    TeamsIdentity? Team = null,
    TeamsIdentity? Channel = null,
    string? EventType = null);

/// <summary>A tenant, team or channel as <c>channelData</c> names it.</summary>
public sealed record TeamsIdentity(string? Id, string? Name = null);

/// <summary>The activity types and names the adapter acts on.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MsTeamsChannel = "msteams";
}

/// <summary>The JSON conventions of the Bot Framework wire format.</summary>
public static class TeamsJson
{
    /// <summary>camelCase, case-insensitive reads, nulls omitted; non-ASCII kept as is (the body is JSON, not HTML,
    /// and escaping would inflate the size Teams counts).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
