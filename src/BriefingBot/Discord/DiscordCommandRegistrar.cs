using System.Globalization;

namespace BriefingBot.Discord;

/// <param name="Scope"><c>global</c> or <c>guild 123…</c>.</param>
/// <param name="Error">Why Discord refused, or null.</param>
public sealed record CommandRegistrationResult(bool Succeeded, string Scope, int Commands, string? Error);

/// <summary>
/// Registers <see cref="DiscordCommands"/> with Discord by bulk overwrite (<c>PUT</c>), globally or in one guild
/// (guild commands update at once: use one while developing). Idempotent: the same definition in, the same command
/// set out; commands that already exist do not count toward Discord's daily creation limit.
/// </summary>
public sealed class DiscordCommandRegistrar(DiscordRestClient rest, ILogger<DiscordCommandRegistrar> logger)
{
    /// <param name="guildId">A guild's id, or null for the global commands.</param>
    public async Task<CommandRegistrationResult> RegisterAsync(string? guildId, CancellationToken cancellationToken)
    {
        if (guildId is not null && !ulong.TryParse(guildId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            return new CommandRegistrationResult(false, $"guild {guildId}", 0, "a guild id is a number (right-click the server, Copy Server ID).");

        var commands = guildId is null ? DiscordCommands.Global : DiscordCommands.Guild;
        var scope = guildId is null ? "global" : $"guild {guildId}";
        var result = await rest.OverwriteCommandsAsync(guildId, commands, cancellationToken);
        if (!result.Succeeded) return new CommandRegistrationResult(false, scope, 0, result.Detail);

        logger.LogInformation("Registered {Count} Discord commands ({Scope})", commands.Count, scope);
        return new CommandRegistrationResult(true, scope, commands.Count, null);
    }
}
