using BriefingBot.Benchmarks;
using BriefingBot.Benchmarks.Runner;

var verb = args.FirstOrDefault();
var rest = new Args(args.Skip(1));
switch (verb)
{
    case "generate":
        SyntheticCorpus.WriteTo(rest.Required("--out"), rest.Int("--articles", 1000), rest.Int("--seed", 42));
        return 0;
    case "measure":
        var result = await SizeRun.MeasureAsync(rest.Required("--label"), rest.Required("--corpus"), rest.Required("--questions"), rest.Required("--index"), rest.Int("--reps", 5));
        Console.WriteLine(SizeRun.Serialize(result));
        return 0;
    default:
        return 2;
}
