using BenchmarkDotNet.Running;
using BriefingBot.Benchmarks;
using BriefingBot.Benchmarks.Runner;

// The plain runner (run, generate), its per-corpus child (measure), a steady workload to profile (profile-ask),
// warm ask latency alone over a reused index (ask-latency), and the BenchmarkDotNet suites (bdn …, arguments passed to BenchmarkDotNet).
var verb = args.FirstOrDefault();
if (verb == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(SyntheticCorpus).Assembly).Run(args[1..]);
    return 0;
}

try
{
    var rest = new Args(args.Skip(1));
    switch (verb)
    {
        case "run":
            return await RunCommand.RunAsync(rest);
        case "generate":
            var folder = rest.Required("--out");
            SyntheticCorpus.WriteTo(folder, rest.Int("--articles", 1_000), rest.Int("--seed", 42));
            Console.WriteLine($"Wrote {Path.Combine(folder, "corpus")} and {Path.Combine(folder, "questions.json")}");
            return 0;
        case "measure":
            var result = await SizeRun.MeasureAsync(rest.Required("--label"), rest.Required("--corpus"), rest.Required("--questions"), rest.Required("--index"), rest.Int("--reps", 5), RebuildPlan.From(rest));
            Console.WriteLine(SizeRun.Serialize(result));
            return 0;
        case "ask-latency":
            return await AskLatency.RunAsync(rest);
        case "profile-ask":
            await AskLoop.RunAsync(rest.Required("--corpus"), rest.Required("--index"), rest.Required("--questions"), TimeSpan.FromSeconds(rest.Int("--seconds", 30)));
            return 0;
        default:
            Console.Error.WriteLine($"""
                usage:
                  generate --articles N --out DIR [--seed S]
                  {RunCommand.Usage.ReplaceLineEndings("\n  ")}
                  {AskLatency.Usage}
                  profile-ask --corpus DIR --index DIR --questions FILE [--seconds 30]
                  bdn [BenchmarkDotNet arguments, e.g. --filter '*Ask*']
                """);
            return 2;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
