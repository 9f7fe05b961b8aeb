using System.CommandLine;
using BriefingBot.Briefing;
using BriefingBot.Hosting;
using BriefingBot.Scheduling;

namespace BriefingBot.Cli;

/// <summary>
/// <c>index</c>: (re)build the index and print a one-line summary (scripts parse that first line), then what changed
/// and what the scheduler did about it. Safe against a running bot's folders: the build takes the index's
/// cross-process lock, the bot keeps answering from the old generation and switches on its next query, and the
/// reminders are re-planned in the job store the bot shares.
/// </summary>
internal static class IndexVerb
{
    public static Command Create(CliContext cli)
    {
        var paths = new PathFlags(jobStore: true);
        var command = new Command("index", "Rebuild the index from the corpus and print what it holds.");
        paths.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = CliHost.Build(paths.Overrides(parsed), builder => builder.Services.AddScheduling(builder.Configuration));
            var reindexer = ActivatorUtilities.CreateInstance<AdminReindexer>(host.Services);
            var result = await reindexer.RunAsync(cancellationToken);
            await cli.Output.WriteLineAsync(Summary(result.Report));
            await cli.Output.WriteLineAsync(ConsoleText.Changes(result));
            foreach (var warning in result.Report.Warnings)
                await cli.Error.WriteLineAsync($"warning: skipped {warning.File}: {warning.Message}");
            return CliApp.Ok;
        });
        return command;
    }

    public static string Summary(ReindexReport report) =>
        $"indexed {report.Articles} articles, {report.Passages} passages, {report.Quotations} quotations, "
        + $"{report.Timeline.Count} milestones in {report.Elapsed.TotalSeconds:F2}s"
        + (report.Warnings.Count > 0 ? $" ({report.Warnings.Count} files skipped)" : "");
}
