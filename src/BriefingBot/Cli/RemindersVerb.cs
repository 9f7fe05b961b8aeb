using System.CommandLine;
using System.Text;
using BriefingBot.Briefing;
using BriefingBot.Scheduling;

namespace BriefingBot.Cli;

/// <summary>
/// <c>reminders [--json]</c>: every post the scheduler will make and when, read from the job store the running
/// bot uses. Plans the store from the current timeline first (idempotent), so it answers even before <c>serve</c> ran.
/// </summary>
internal static class RemindersVerb
{
    public static Command Create(CliContext cli)
    {
        var json = Verbs.Json();
        var paths = new PathFlags(jobStore: true);
        var command = new Command("reminders", "List the reminders and digests the scheduler will post, with their times.") { json };
        paths.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = CliHost.Build(paths.Overrides(parsed), builder => builder.Services.AddScheduling(builder.Configuration));
            await host.Services.GetRequiredService<BriefingService>().EnsureIndexAsync(cancellationToken);
            var catalog = host.Services.GetRequiredService<ReminderCatalog>();
            await catalog.PlanAsync(cancellationToken);
            var posts = await catalog.ListAsync(cancellationToken);
            await cli.Output.WriteLineAsync(parsed.GetValue(json)
                ? JsonContract.Serialize(new JsonContract.RemindersJson(posts.Select(JsonContract.ReminderJson.From).ToList()))
                : Text(posts));
            return CliApp.Ok;
        });
        return command;
    }

    private static string Text(IReadOnlyList<PlannedPost> posts)
    {
        if (posts.Count == 0) return "Nothing planned: no upcoming milestones, or no subscribed channels (see Scheduling:Subscriptions).";
        var text = new StringBuilder();
        foreach (var post in posts)
        {
            text.Append($"{post.FireAtUtc:yyyy-MM-dd HH:mm}Z ({post.FireAtLocal:yyyy-MM-dd HH:mm zzz})  {post.Kind,-8} {post.Channel}");
            if (post.MilestoneId is not null) text.Append($"  {post.Lead} before {post.MilestoneDate:yyyy-MM-dd} [{post.MilestoneId}]");
            text.AppendLine();
        }
        return text.ToString().TrimEnd();
    }
}
