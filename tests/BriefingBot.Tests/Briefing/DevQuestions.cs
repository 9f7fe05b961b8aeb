using System.Text.Json;
using System.Text.RegularExpressions;

namespace BriefingBot.Tests.Briefing;

/// <summary>
/// The development questions (a copy of shared/dev-questions.json), checked the way its "about" field says:
/// substrings matched case-insensitively after folding curly quotes to straight ones and collapsing whitespace.
/// </summary>
public static partial class DevQuestions
{
    private static readonly JsonDocument Document = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "dev-questions.json")));

    public static IEnumerable<object[]> CaseIds() =>
        Document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("id").GetString()! });

    public static JsonElement Case(string id) =>
        Document.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    public static IEnumerable<JsonElement> Milestones() => Document.RootElement.GetProperty("milestones").EnumerateArray();

    public static string Fold(string text) => Whitespace().Replace(
        text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201c', '"').Replace('\u201d', '"')
            .Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u00a0', ' '),
        " ").Trim().ToLowerInvariant();

    public static IEnumerable<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var values) ? values.EnumerateArray().Select(v => v.GetString()!) : [];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
