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

/// <summary>The path flags every verb takes, and the settings they override for that run.</summary>
internal sealed class PathFlags
{
    public Option<string?> Corpus { get; } = new("--corpus") { Description = "Folder of articles (default: corpus)." };

    public Option<string?> Index { get; } = new("--index") { Description = "Folder of the index (default: data/index)." };

    public Option<string?> Data { get; } = new("--data") { Description = "Folder of the job store and ledger (default: data)." };

    public void AddTo(Command command)
    {
        command.Add(Corpus);
        command.Add(Index);
        command.Add(Data);
    }

    public Dictionary<string, string?> Overrides(ParseResult parsed) => new()
    {
        ["BriefingBot:Corpus"] = parsed.GetValue(Corpus),
        ["BriefingBot:Index"] = parsed.GetValue(Index),
        ["BriefingBot:Data"] = parsed.GetValue(Data),
    };
}
