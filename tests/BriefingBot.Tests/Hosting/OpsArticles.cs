using System.Globalization;

namespace BriefingBot.Tests.Hosting;

/// <summary>
/// Articles written by the test, dated relative to a given day, so their milestones are always upcoming: one
/// deadline sentence per commodity ("The cobalt export quota expires on December 3, 2026, …") and one quotation.
/// </summary>
internal static class OpsArticles
{
    /// <summary>Writes <c>{id}.md</c> into <paramref name="corpus"/>: one deadline per entry of <paramref name="deadlines"/>.</summary>
    public static string Write(string corpus, string id, DateOnly published, params (string Commodity, DateOnly Expires)[] deadlines)
    {
        var lines = new List<string>
        {
            "---",
            $"title: Port operators brace for the {deadlines[0].Commodity} quota deadline",
            "author: Ada Quill",
            $"published: {published:yyyy-MM-dd}",
            "---",
        };
        foreach (var (commodity, expires) in deadlines)
        {
            lines.Add($"The {commodity} export quota expires on {Spelled(expires)}, officials in the harbour authority said.");
            lines.Add("");
        }
        lines.Add($"\"We will not extend the {deadlines[0].Commodity} quota again,\" said Mira Tandy, the authority's spokeswoman.");
        var path = Path.Combine(corpus, id + ".md");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>"December 3, 2026": how the articles spell a date.</summary>
    public static string Spelled(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}
