using System.Text.Json;
using System.Text.RegularExpressions;
using BriefingBot.Briefing;

namespace BriefingBot.Tests.Briefing;

/// <summary>
/// A question file in the format of shared/dev-questions.json, checked the way shared/tools/eval.py checks it:
/// substrings matched case-insensitively after folding curly quotes to straight ones and collapsing whitespace.
/// </summary>
public sealed partial class QuestionSet
{
    private readonly JsonElement root;

    public QuestionSet(string path)
    {
        Path = path;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        root = document.RootElement.Clone();
    }

    /// <summary>The development questions (a copy of shared/dev-questions.json).</summary>
    public static QuestionSet Dev { get; } = Fixture("dev-questions.json");

    /// <summary>The held-out questions over the shipped corpus, with the reindex of one new article.</summary>
    public static QuestionSet HeldOut { get; } = Fixture("HeldOut", "questions.json");

    /// <summary>Every held-out question file that drops a new article into the corpus.</summary>
    public static IReadOnlyList<QuestionSet> HeldOutReindexes { get; } =
        Directory.EnumerateFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "HeldOut"), "questions*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new QuestionSet(path))
            .Where(set => set.Reindex is not null)
            .ToArray();

    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public IEnumerable<JsonElement> Cases => root.GetProperty("cases").EnumerateArray();

    public IEnumerable<object[]> CaseIds() => Cases.Select(c => new object[] { c.GetProperty("id").GetString()! });

    public JsonElement Case(string id) => Cases.Single(c => c.GetProperty("id").GetString() == id);

    public IEnumerable<JsonElement> Milestones() =>
        root.TryGetProperty("milestones", out var milestones) ? milestones.EnumerateArray() : [];

    /// <summary>The "reindex" section: a new article to drop beside the corpus, and what must be answered after.</summary>
    public ReindexSection? Reindex =>
        root.TryGetProperty("reindex", out var section)
            ? new ReindexSection(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, section.GetProperty("file").GetString()!), section)
            : null;

    public static string Fold(string text) => Whitespace().Replace(
        text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201c', '"').Replace('\u201d', '"')
            .Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u00a0', ' '),
        " ").Trim().ToLowerInvariant();

    /// <summary>Runs of whitespace made one space: how eval.py compares a quote with the corpus text.</summary>
    public static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    public static IEnumerable<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(v => v.GetString()!)
            : [];

    /// <summary>Asserts that <paramref name="answer"/> is what the case's kind requires.</summary>
    public static void AssertAnswers(JsonElement spec, Answer answer)
    {
        var quotes = answer.Results.Select(r => Fold(r.Quote)).ToList();
        switch (spec.GetProperty("kind").GetString())
        {
            case "speaker":
                foreach (var wanted in Strings(spec, "all"))
                    Assert.True(quotes.Any(q => q.Contains(Fold(wanted))), $"no quote contains “{wanted}”: {Show(answer)}");
                foreach (var forbidden in Strings(spec, "forbid"))
                    Assert.False(quotes.Any(q => q.Contains(Fold(forbidden))), $"a quote contains the forbidden “{forbidden}”: {Show(answer)}");
                if (spec.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.String)
                {
                    var first = Fold(Strings(spec, "all").First());
                    foreach (var item in answer.Results.Where(r => Fold(r.Quote).Contains(first)))
                        Assert.Contains(Fold(author.GetString()!), Fold(item.Article.Author ?? ""));
                }
                break;
            case "any":
                var k = spec.TryGetProperty("k", out var kValue) ? kValue.GetInt32() : 3;
                var wantedAny = Strings(spec, "any").Select(Fold).ToList();
                Assert.True(quotes.Take(k).Any(q => wantedAny.Any(q.Contains)), $"none of the top {k} quotes match: {Show(answer)}");
                break;
            case "nospeakerquotes":
                Assert.DoesNotContain(answer.Results, r => r.Speaker is not null);
                Assert.NotNull(answer.Note);
                break;
            case "noerror":
                Assert.NotNull(answer);
                break;
            default:
                Assert.Fail($"unknown kind in case {spec.GetProperty("id").GetString()}");
                break;
        }
    }

    private static string Show(Answer answer) =>
        string.Join(" | ", answer.Results.Select(r => $"[{r.Speaker}] {r.Quote[..Math.Min(90, r.Quote.Length)]}")) + $" note={answer.Note}";

    private static QuestionSet Fixture(params string[] parts) =>
        new(System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>
/// The "reindex" section of a question file, read as eval.py reads it: the "speaker_q" question (with
/// "speaker_all" and an optional "author") is a speaker case asked first, then the other "cases"; "milestones"
/// are dates (or date prefixes) the timeline must hold after the reindex.
/// </summary>
public sealed record ReindexSection(string ArticlePath, JsonElement Section)
{
    public IEnumerable<JsonElement> Cases
    {
        get
        {
            var cases = Section.TryGetProperty("cases", out var listed) ? listed.EnumerateArray().ToList() : [];
            if (Section.TryGetProperty("speaker_q", out var question))
            {
                var speaker = new Dictionary<string, object?>
                {
                    ["id"] = "speaker",
                    ["q"] = question.GetString(),
                    ["kind"] = "speaker",
                    ["all"] = QuestionSet.Strings(Section, "speaker_all").ToArray(),
                };
                if (Section.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.String)
                    speaker["author"] = author.GetString();
                cases.Insert(0, JsonSerializer.SerializeToElement(speaker));
            }
            return cases;
        }
    }

    public JsonElement Case(string id) => Cases.Single(c => c.GetProperty("id").GetString() == id);

    public IEnumerable<string> MilestoneDates => QuestionSet.Strings(Section, "milestones");
}
