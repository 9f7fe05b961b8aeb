using System.Globalization;
using System.Text.Json;

namespace BriefingBot.Discord;

/// <summary>Interaction types Discord sends; others may appear and are answered, never crashed on.</summary>
public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    Autocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>
/// The part of an incoming interaction the bot uses (Discord sends more; unknown fields are ignored).
/// </summary>
/// <param name="Token">For the reply and follow-ups, valid 15 minutes. A secret: never logged.</param>
/// <param name="Member">Set in a guild only, with the invoker's permissions in this channel.</param>
/// <param name="User">Set in a DM only.</param>
public sealed record Interaction(
    string Id,
    string ApplicationId,
    InteractionType Type,
    string Token,
    InteractionData? Data = null,
    string? GuildId = null,
    string? ChannelId = null,
    GuildMember? Member = null,
    DiscordUser? User = null)
{
    /// <summary>Who ran it, in a guild or a DM.</summary>
    public DiscordUser? Invoker => Member?.User ?? User;

    /// <summary>What is wrong with a parsed body that is valid JSON but not an interaction, or null.</summary>
    public string? Problem =>
        string.IsNullOrEmpty(Id) ? "'id' is missing"
        : string.IsNullOrEmpty(ApplicationId) ? "'application_id' is missing"
        : Type == 0 ? "'type' is missing"
        : Type != InteractionType.Ping && string.IsNullOrEmpty(Token) ? "'token' is missing"
        : null;

    /// <summary>The value of top-level option <paramref name="name"/>, or null when absent.</summary>
    public InteractionOption? Option(string name) => Data?.Options?.FirstOrDefault(o => o.Name == name);
}

/// <param name="Name">The command's name, for application commands and autocomplete.</param>
public sealed record InteractionData(string? Name = null, IReadOnlyList<InteractionOption>? Options = null);

/// <summary>An option as sent: <see cref="Value"/> is a string, number or bool depending on its type.</summary>
/// <param name="Focused">In autocomplete, the option being typed (its value may be partial).</param>
public sealed record InteractionOption(string Name, int Type, JsonElement? Value = null, bool? Focused = null)
{
    public string? StringValue => Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public long? IntegerValue => Value switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) => n,
        { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    public bool? BooleanValue => Value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

/// <param name="Permissions">The invoker's total permissions in this channel (overwrites applied), a decimal bit set.</param>
public sealed record GuildMember(DiscordUser? User = null, string? Permissions = null)
{
    /// <summary>True when the member holds <paramref name="permission"/>; administrators hold every permission.</summary>
    public bool Has(DiscordPermissions permission) =>
        ulong.TryParse(Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && ((DiscordPermissions)bits & (permission | DiscordPermissions.Administrator)) != 0;
}

public sealed record DiscordUser(string Id, string? Username = null);

/// <summary>The permission bits the bot checks. Discord's bit set is wider; only these matter here.</summary>
[Flags]
public enum DiscordPermissions : ulong
{
    None = 0,
    Administrator = 1 << 3,
    ManageChannels = 1 << 4,
    ManageGuild = 1 << 5,
}
