using System.Text.RegularExpressions;
using BriefingBot.Corpus;

namespace BriefingBot.Tests.Timeline;

/// <summary>Builds small articles by hand: one paragraph per string, sentences split at ". " before a capital.</summary>
internal static partial class Articles
{
    public static Article Make(string id, DateOnly? published, params string[] paragraphs) =>
        new(id, id + ".txt", "Title of " + id, null, published, null,
            paragraphs.Select((text, i) => new Paragraph(i + 1, text, Sentences(text))).ToList());

    private static IReadOnlyList<Sentence> Sentences(string paragraph)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        foreach (Match boundary in SentenceBoundary().Matches(paragraph))
        {
            sentences.Add(new Sentence(start, boundary.Index - start));
            start = boundary.Index + boundary.Length;
        }

        sentences.Add(new Sentence(start, paragraph.Length - start));
        return sentences;
    }

    [GeneratedRegex(@"(?<=[a-z0-9][.!?][”""]?)\s+(?=[“""]?[A-Z])")]
    private static partial Regex SentenceBoundary();
}
