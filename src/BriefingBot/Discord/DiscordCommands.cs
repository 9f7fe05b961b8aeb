namespace BriefingBot.Discord;

/// <summary>Option types of a slash command, as Discord numbers them.</summary>
public enum CommandOptionType
{
    String = 3,
    Integer = 4,
    Boolean = 5,
}

/// <summary>A slash command as Discord's registration API takes it (CHAT_INPUT, type 1).</summary>
/// <param name="DefaultMemberPermissions">Who sees the command by default (a decimal bit set; "0" admins only). Server
/// admins can change this, so the bot checks permissions itself too.</param>
/// <param name="Contexts">Global commands only: 0 guild, 1 bot DM.</param>
/// <param name="IntegrationTypes">Global commands only: 0 guild install.</param>
public sealed record ApplicationCommand(
    string Name,
    string Description,
    IReadOnlyList<ApplicationCommandOption> Options,
    string? DefaultMemberPermissions = null,
    IReadOnlyList<int>? Contexts = null,
    IReadOnlyList<int>? IntegrationTypes = null)
{
    public int Type => 1;

    /// <summary>How help shows it: <c>/milestones [days]</c>.</summary>
    public string Usage => string.Join(' ', Options.Select(o => o.Required ? o.Name : $"[{o.Name}]").Prepend("/" + Name));
}

public sealed record ApplicationCommandOption(
    CommandOptionType Type,
    string Name,
    string Description,
    bool Required = false,
    bool? Autocomplete = null,
    int? MinValue = null,
    int? MaxValue = null,
    int? MaxLength = null);

/// <summary>
/// The bot's slash commands: the one definition that registration, help and the handler share.
/// </summary>
public static class DiscordCommands
{
    public const string Ask = "ask";
    public const string Said = "said";
    public const string Milestones = "milestones";
    public const string Digest = "digest";
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string Reindex = "reindex";
    public const string Help = "help";

    private const int GuildContext = 0;
    private const int BotDmContext = 1;
    private const int GuildInstall = 0;
    private static readonly int[] Anywhere = [GuildContext, BotDmContext];
    private static readonly int[] GuildOnly = [GuildContext];
    private static readonly string ManageChannels = ((ulong)DiscordPermissions.ManageChannels).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The commands in their global form (with <c>contexts</c> and <c>integration_types</c>).</summary>
    public static IReadOnlyList<ApplicationCommand> Global { get; } =
    [
        new(Ask, "Quote the articles on a question, with citations",
            [
                new(CommandOptionType.String, "question", "What to look for", Required: true, MaxLength: 300),
                new(CommandOptionType.Integer, "top", "How many passages (1-10)", MinValue: 1, MaxValue: 10),
            ],
            Contexts: Anywhere, IntegrationTypes: [GuildInstall]),
        new(Said, "Everything a person is quoted saying",
            [new(CommandOptionType.String, "person", "Who (suggestions come from the articles)", Required: true, Autocomplete: true, MaxLength: 100)],
            Contexts: Anywhere, IntegrationTypes: [GuildInstall]),
        new(Milestones, "Upcoming dated events, each with its source",
            [new(CommandOptionType.Integer, "days", "Only the next N days", MinValue: 1, MaxValue: 3650)],
            Contexts: Anywhere, IntegrationTypes: [GuildInstall]),
        new(Digest, "The briefing now: what is coming up, new articles and quotes", [],
            Contexts: Anywhere, IntegrationTypes: [GuildInstall]),
        new(Subscribe, "Post reminders and digests in this channel (Manage Channels)",
            [
                new(CommandOptionType.Boolean, "reminders", "Milestone reminders (default true)"),
                new(CommandOptionType.Boolean, "digest", "Scheduled digests (default true)"),
            ],
            DefaultMemberPermissions: ManageChannels, Contexts: GuildOnly, IntegrationTypes: [GuildInstall]),
        new(Unsubscribe, "Stop reminders and digests in this channel (Manage Channels)", [],
            DefaultMemberPermissions: ManageChannels, Contexts: GuildOnly, IntegrationTypes: [GuildInstall]),
        new(Reindex, "Rebuild the index from the articles folder (administrators)", [],
            DefaultMemberPermissions: "0", Contexts: GuildOnly, IntegrationTypes: [GuildInstall]),
        new(Help, "What this bot can do", [],
            Contexts: Anywhere, IntegrationTypes: [GuildInstall]),
    ];

    /// <summary>The same commands for one guild: guild commands take no <c>contexts</c> or <c>integration_types</c>.</summary>
    public static IReadOnlyList<ApplicationCommand> Guild { get; } =
        [.. Global.Select(c => c with { Contexts = null, IntegrationTypes = null })];
}
