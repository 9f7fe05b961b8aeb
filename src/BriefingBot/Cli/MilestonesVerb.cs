using System.CommandLine;
using System.Globalization;
using BriefingBot.Briefing;

namespace BriefingBot.Cli;

/// <summary><c>milestones [--json] [--upcoming] [--from YYYY-MM-DD]</c>: the timeline, oldest first.</summary>
internal static class MilestonesVerb
{
    public static Command Create(CliContext cli)
    {
        var json = Verbs.Json();
        var upcoming = new Option<bool>("--upcoming") { Description = "Only milestones not yet past, soonest first." };
        var from = new Option<string?>("--from") { Description = "Treat this date (YYYY-MM-DD) as today." };
        var paths = new PathFlags(jobStore: false);
        var command = new Command("milestones", "List dated events found in the articles, with their source sentences.") { json, upcoming, from };
        paths.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = CliHost.Build(paths.Overrides(parsed));
            var today = Today(parsed.GetValue(from), host.Services.GetRequiredService<TimeProvider>());
            var briefing = host.Services.GetRequiredService<BriefingService>();
            await briefing.EnsureIndexAsync(cancellationToken);
            var milestones = parsed.GetValue(upcoming) ? briefing.Upcoming(today) : briefing.Timeline();
            await cli.Output.WriteLineAsync(parsed.GetValue(json)
                ? JsonContract.Serialize(new JsonContract.MilestonesJson(milestones.Select(m => JsonContract.MilestoneJson.From(m, today)).ToList()))
                : ConsoleText.Milestones(milestones, today));
            return CliApp.Ok;
        });
        return command;
    }

    private static DateOnly Today(string? from, TimeProvider time)
    {
        if (from is null) return DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--from must be a date like 2026-11-10, not '{from}'");
    }
}
