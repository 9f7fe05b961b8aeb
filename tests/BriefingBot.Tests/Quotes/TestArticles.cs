using BriefingBot.Corpus;

namespace BriefingBot.Tests.Quotes;

/// <summary>Builds <see cref="Article"/>s for the quotation tests: one paragraph per non-blank line.</summary>
internal static class TestArticles
{
    /// <summary>An article whose paragraphs are the non-blank lines of <paramref name="text"/>.</summary>
    public static Article FromText(string text, string id = "test-article")
    {
        var paragraphs = text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .Select((line, i) => new Paragraph(i + 1, line, Sentences(line)))
            .ToArray();
        return new Article(id, id + ".txt", "Test article", "Test Author", new DateOnly(2026, 1, 1), null, paragraphs);
    }

    /// <summary>A file of the shipped corpus, read line by line.</summary>
    public static Article FromCorpus(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, fileName));
        return FromText(text, Path.GetFileNameWithoutExtension(fileName)) with { File = fileName };
    }

    public static IEnumerable<string> CorpusFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Corpus).Select(Path.GetFileName).Order()!;

    // Naive on purpose: the extractor does its own quote-aware reading and must not lean on these.
    private static Sentence[] Sentences(string line)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '.' || (i + 1 < line.Length && line[i + 1] != ' '))
                continue;
            sentences.Add(new Sentence(start, line[start..(i + 1)]));
            start = i + 1;
            while (start < line.Length && line[start] == ' ') start++;
            i = start - 1;
        }
        if (start < line.Length)
            sentences.Add(new Sentence(start, line[start..]));
        return sentences.ToArray();
    }
}
