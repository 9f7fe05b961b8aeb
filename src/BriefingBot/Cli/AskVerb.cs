using System.CommandLine;
using BriefingBot.Briefing;

namespace BriefingBot.Cli;

/// <summary><c>ask "question" [--json] [--top N]</c>: cited, verbatim answers.</summary>
internal static class AskVerb
{
    public static Command Create(CliContext cli)
    {
        var question = new Argument<string>("question") { Description = "The question, in plain words (any text is safe)." };
        var json = Verbs.Json();
        var top = new Option<int?>("--top") { Description = "At most N results (default: every quotation of a person, else 5)." };
        var paths = new PathFlags(jobStore: false);
        var command = new Command("ask", "Answer a question with verbatim, cited passages from the corpus.") { question, json, top };
        paths.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var text = parsed.GetValue(question) ?? "";
            if (string.IsNullOrWhiteSpace(text)) throw new UsageException("the question is empty; try: ask \"what did <name> say\"");
            if (parsed.GetValue(top) is < 1) throw new UsageException("--top must be at least 1");

            using var host = CliHost.Build(paths.Overrides(parsed));
            var briefing = host.Services.GetRequiredService<BriefingService>();
            await briefing.EnsureIndexAsync(cancellationToken);
            var answer = briefing.Ask(text, parsed.GetValue(top));
            await cli.Output.WriteLineAsync(parsed.GetValue(json)
                ? JsonContract.Serialize(JsonContract.AnswerJson.From(answer))
                : ConsoleText.Answer(answer));
            return CliApp.Ok;
        });
        return command;
    }
}
