using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Timeline;

namespace BriefingBot.Tests.Discord;

/// <summary>Real text from the shipped corpus for renderer tests: paragraphs as the raw files have them.</summary>
public static class CorpusFixture
{
    /// <summary>The longest article of the corpus.</summary>
    public static string LongestFile { get; } = Directory.EnumerateFiles(RepositoryPaths.Corpus).OrderByDescending(f => new FileInfo(f).Length).First();

    public static IReadOnlyList<string> Texts { get; } = [.. Directory.EnumerateFiles(RepositoryPaths.Corpus).Select(File.ReadAllText)];

    /// <summary>The longest article's non-empty lines (its paragraphs; the corpus writes one per line), trimmed.</summary>
    public static IReadOnlyList<string> Paragraphs { get; } =
        [.. File.ReadAllLines(LongestFile).Select(p => p.Trim()).Where(p => p.Length > 0)];

    public static ArticleRef Article { get; } = new("longest", "A title with *stars* and a_b", "Jane Roe", new DateOnly(2026, 1, 1), Path.GetFileName(LongestFile));

    public static AnswerItem Item(string quote, int paragraph, string? speaker = null) => new(quote, speaker, Article, paragraph, 1.0);

    /// <summary>A milestone per paragraph, each one's source being that paragraph.</summary>
    public static IReadOnlyList<Milestone> Milestones(int count) =>
        [.. Paragraphs.Take(count).Select((p, i) => new Milestone($"m{i}", new DateOnly(2026, 11, 10).AddDays(i), DatePrecision.Day, $"event {i}", MilestoneKind.Deadline, p, Article, i + 1))];
}
