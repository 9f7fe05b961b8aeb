using System.Globalization;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>"--name value" and "--flag" arguments after the verb.</summary>
public sealed class Args
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    public Args(IEnumerable<string> args)
    {
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (name is not null) values[name] = null;
                name = arg;
            }
            else if (name is not null)
            {
                values[name] = arg;
                name = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }
        }
        if (name is not null) values[name] = null;
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string? String(string name) => values.GetValueOrDefault(name);

    public string Required(string name) =>
        values.GetValueOrDefault(name) ?? throw new ArgumentException($"{name} is required");

    public int Int(string name, int fallback) =>
        values.GetValueOrDefault(name) is { } text
            ? int.Parse(text.Replace("_", "").Replace(",", ""), CultureInfo.InvariantCulture)
            : fallback;

    /// <summary>A comma-separated list of counts ("1000,10000" or "1k,10k,100k").</summary>
    public IReadOnlyList<int> Sizes(string name, IReadOnlyList<int> fallback) =>
        values.GetValueOrDefault(name) is { } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseCount).ToList()
            : fallback;

    private static int ParseCount(string text) =>
        text.EndsWith('k') ? int.Parse(text[..^1], CultureInfo.InvariantCulture) * 1_000 : int.Parse(text, CultureInfo.InvariantCulture);
}
