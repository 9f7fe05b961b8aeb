using System.CommandLine;
using BriefingBot.Hosting;

namespace BriefingBot.Cli;

/// <summary><c>serve</c>: the long-running bot (Discord and Teams endpoints, scheduler, health).</summary>
internal static class ServeVerb
{
    public static Command Create(CliContext cli)
    {
        var urls = new Option<string?>("--urls") { Description = "Listening address (default http://127.0.0.1:5080, or ASPNETCORE_URLS)." };
        var paths = new PathFlags(jobStore: true);
        var command = new Command("serve", "Run the bot: Discord and Teams endpoints, reminders and digests, health checks.") { urls };
        paths.AddTo(command);
        // Settings such as --Scheduling:TimeZone=Europe/Berlin pass through to configuration.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var args = cli.Args.SkipWhile(a => a != "serve").Skip(1).ToArray();
            await using var app = BotHost.Build(args);
            await app.RunAsync(cancellationToken);
            return CliApp.Ok;
        });
        return command;
    }
}
