using BriefingBot.Corpus;
using BriefingBot.Quotes;
using BriefingBot.Timeline;

namespace BriefingBot.Tests.Briefing;

/// <summary>
/// One article the analysis cannot read must not fail a reindex of the whole corpus. Articles are made here from lines
/// of the shipped articles, cut and shuffled, with the kind of tokens that broke the analysis before dropped in:
/// digits of other scripts in dates (“March ٣”), a short name that ends two people's names, stray quote marks,
/// abbreviations, odd dates and Unicode. Seeded, so a failure names a case that can be replayed.
/// </summary>
public sealed class AnalysisRobustnessTests
{
    private static readonly string[] Lines = Directory.GetFiles(RepositoryPaths.Corpus)
        .SelectMany(File.ReadAllLines)
        .Where(line => line.Trim().Length > 0)
        .ToArray();

    private static readonly string[] OddTokens =
    [
        "“", "”", "\"", "‘", "’", "'", "٣", "١٢", "٩٠-day", "2027-٠٣-01", "March", "Mar.", "2027", "Dr.", "Mr.", "U.S.",
        "Ann Smith", "Mary Ann Smith", "John Ann Smith", "von der Leyen", "said", "told", "argued that", "according to",
        "—", "–", "(", ")", ":", ";", ",", ".", "?", "!", "…", "By", "Published", "Updated", "on", "until", "by", "Monday",
        "next", "90-day", "12/31/2026", "31.12.2026", "²", "½", "𝟙𝟚", "Ⅻ", "\u200B", "\u00A0", "İ", "ǅ", "#", "*",
        "[x](y)", "Tags:", "Photo:", "Source:", "© 2026", "99999999999", "31st", "February 29", "February 30, 2025",
        "2025–26", "1990s", "mid-2026",
    ];

    [Fact]
    public void AnalysisOfOddArticles_NeverThrows()
    {
        var random = new Random(20261130);
        var extractor = new QuotationExtractor();
        var timeline = new TimelineBuilder(new DateExtractor());
        var analysed = new List<ArticleQuotations>();
        for (var i = 0; i < 2_000; i++)
        {
            var text = OddArticle(random);
            var article = ArticleParser.Parse($"case-{i}.txt", text);
            if (article is null) continue;

            var found = Record.Exception(() => analysed.Add(extractor.Extract(article)))
                ?? Record.Exception(() => timeline.Build([article]));
            Assert.True(found is null, $"case {i} threw {found}\n--- article ---\n{text}");
        }

        var directory = PersonDirectory.Build(analysed.SelectMany(a => a.People));
        Assert.All(analysed.SelectMany(a => a.Quotations), q => directory.Canonicalize(q));
    }

    private static string OddArticle(Random random)
    {
        var lines = new List<string>();
        for (var line = random.Next(1, 12); line > 0; line--)
        {
            var words = random.Next(3) > 0 ? Lines[random.Next(Lines.Length)].Split(' ').Take(random.Next(1, 60)).ToList() : [];
            for (var odd = random.Next(0, 12); odd > 0; odd--)
                words.Insert(random.Next(words.Count + 1), OddTokens[random.Next(OddTokens.Length)]);
            lines.Add(string.Join(random.Next(5) == 0 ? "" : " ", words));
        }
        return string.Join(random.Next(4) == 0 ? "\n" : "\n\n", lines);
    }
}
