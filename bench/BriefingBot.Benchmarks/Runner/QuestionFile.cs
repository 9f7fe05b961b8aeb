using System.Text.Json;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>A question of a file in the format of <c>dev-questions.json</c>: <c>{"cases": [{"id", "q", "kind"}]}</c>.</summary>
public sealed record BenchQuestion(string Id, string Text, string Kind)
{
    /// <summary>Speaker questions ("speaker", "speaker-heavy") and free-text ones (anything else) are reported apart.</summary>
    public string Category => Kind.StartsWith("speaker", StringComparison.Ordinal) ? Kind : "free-text";

    public static IReadOnlyList<BenchQuestion> Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        if (!document.RootElement.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{file}: expected {{\"cases\": [{{\"q\": \"…\"}}]}} as in dev-questions.json.");
        return cases.EnumerateArray()
            .Where(c => c.TryGetProperty("q", out _))
            .Select((c, i) => new BenchQuestion(
                c.TryGetProperty("id", out var id) ? id.GetString() ?? $"q{i}" : $"q{i}",
                c.GetProperty("q").GetString() ?? "",
                c.TryGetProperty("kind", out var kind) ? kind.GetString() ?? "any" : "any"))
            .ToList();
    }
}
