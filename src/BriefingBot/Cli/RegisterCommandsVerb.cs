using System.CommandLine;
using BriefingBot.Discord;

namespace BriefingBot.Cli;

/// <summary><c>register-commands [--guild ID]</c>: publish the slash commands to Discord (idempotent bulk overwrite).</summary>
internal static class RegisterCommandsVerb
{
    public static Command Create(CliContext cli)
    {
        var guild = new Option<string?>("--guild") { Description = "Register in one server (instant; for development) instead of globally." };
        var command = new Command("register-commands", "Register BriefingBot's slash commands with Discord.") { guild };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = CliHost.Build(new Dictionary<string, string?>(), builder => builder.Services.AddDiscord(builder.Configuration));
            var registrar = host.Services.GetService<DiscordCommandRegistrar>()
                ?? throw new UsageException("Discord is not configured: set Discord__ApplicationId, Discord__PublicKey and Discord__BotToken.");
            var result = await registrar.RegisterAsync(parsed.GetValue(guild), cancellationToken);
            if (!result.Succeeded)
            {
                await cli.Error.WriteLineAsync($"error: Discord refused the commands ({result.Scope}): {result.Error}");
                return CliApp.Failure;
            }
            await cli.Output.WriteLineAsync($"registered {result.Commands} commands ({result.Scope})");
            return CliApp.Ok;
        });
        return command;
    }
}
