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

    public static Option<bool> Json() => new("--json") { Description = "Print JSON (the documented contract) instead of text." };
}

/// <summary>
/// The path flags a verb takes, and the settings they override for that run: the corpus and the index for every verb,
/// the job store's folder only for the verbs that use it (so <c>ask --help</c> offers nothing that would do nothing).
/// </summary>
/// <param name="jobStore">True for the verbs that read or write reminders and deliveries.</param>
internal sealed class PathFlags(bool jobStore)
{
    public Option<string?> Corpus { get; } = new("--corpus") { Description = "Folder of articles (default: corpus)." };

    public Option<string?> Index { get; } = new("--index") { Description = "Folder of the index (default: data/index)." };

    private readonly Option<string?>? data = jobStore
        ? new("--data") { Description = "Folder of the job store and ledger (default: data)." }
        : null;

    public void AddTo(Command command)
    {
        command.Add(Corpus);
        command.Add(Index);
        if (data is not null) command.Add(data);
    }

    public Dictionary<string, string?> Overrides(ParseResult parsed)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["BriefingBot:Corpus"] = parsed.GetValue(Corpus),
            ["BriefingBot:Index"] = parsed.GetValue(Index),
        };
        if (data is not null) overrides["BriefingBot:Data"] = parsed.GetValue(data);
        return overrides;
    }
}
