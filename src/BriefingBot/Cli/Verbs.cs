using System.CommandLine;

namespace BriefingBot.Cli;

/// <summary>Every verb of the command line, and the flags they share.</summary>
internal static class Verbs
{
    public static IEnumerable<Command> All(CliContext cli) =>
    [
        IndexVerb.Create(cli),
        AskVerb.Create(cli),
        MilestonesVerb.Create(cli),
        RemindersVerb.Create(cli),
        ServeVerb.Create(cli),
        RegisterCommandsVerb.Create(cli),
    ];

    public static Option<string?> Corpus() => new("--corpus") { Description = "Folder of articles (default: corpus)." };

    public static Option<string?> Index() => new("--index") { Description = "Folder of the index (default: data/index)." };

    public static Option<string?> Data() => new("--data") { Description = "Folder of the job store and ledger (default: data)." };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON (the documented contract) instead of text." };

    /// <summary>The settings a verb's path flags override.</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parsed, Option<string?> corpus, Option<string?> index, Option<string?>? data = null) =>
        new()
        {
            ["BriefingBot:Corpus"] = parsed.GetValue(corpus),
            ["BriefingBot:Index"] = parsed.GetValue(index),
            ["BriefingBot:Data"] = data is null ? null : parsed.GetValue(data),
        };
}
