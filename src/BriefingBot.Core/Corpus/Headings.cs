using System.Text.RegularExpressions;

namespace BriefingBot.Corpus;

/// <summary>
/// The shape of title lines: headlines, section headings ("De-escalation", "Conclusion"), section labels
/// above a headline ("International") and the headings that open back matter ("Acknowledgements and disclosures").
/// A heading is short and does not end like a sentence; a headline may also end with "?" or "!".
/// </summary>
internal static partial class Headings
{
    private const int MaxHeadingWords = 15;
    private const int MaxHeadlineWords = 20;
    private const int MaxSectionLabelWords = 2;
    private const int MaxQuestionHeadingWords = 8;

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)(?:\s+#+)?$")]
    private static partial Regex MarkdownHeading();

    // Headings every long-form piece may carry; none of them is the piece's own title.
    [GeneratedRegex(@"^(?:executive summary|summary|abstract|introduction|overview|background|key (?:takeaways|points|findings)|highlights|in brief|at a glance|(?:table of )?contents|conclusions?)$", RegexOptions.IgnoreCase)]
    private static partial Regex StructuralHeading();

    private const string BackMatterWord =
        @"(?:acknowledge?ments?|disclosures?|references|bibliography|notes|endnotes|footnotes|sources|about the authors?|funding|further reading|works cited|citations)";

    [GeneratedRegex("^" + BackMatterWord + @"(?:\s*(?:,|and|&)\s*" + BackMatterWord + ")*$", RegexOptions.IgnoreCase)]
    private static partial Regex BackMatterHeading();

    /// <summary>
    /// A Markdown heading, a short line that starts like a title and does not end like a sentence, or a short
    /// question standing alone with no quotation in it ("What have negotiations achieved?").
    /// </summary>
    // Every line of every article is asked: the words are counted last, for the few lines whose ends have not already
    // turned them away (a paragraph ends like a sentence).
    public static bool IsHeading(string line) =>
        MarkdownHeading().IsMatch(line)
        || (StartsLikeTitle(line) && !EndsWithAny(line, ".!?,;:…") && TextWords.AtMost(line, MaxHeadingWords))
        || (line.EndsWith('?') && StartsLikeTitle(line) && !line.AsSpan().ContainsAny("“”\"‘")
            && TextWords.AtMost(line, MaxQuestionHeadingWords));

    /// <summary>A line that could be a headline: a heading, or a short line ending with "?" or "!".</summary>
    public static bool IsHeadlineLike(string line) =>
        MarkdownHeading().IsMatch(line)
        || (TextWords.AtMost(line, MaxHeadlineWords) && StartsLikeTitle(line) && !EndsWithAny(line, ".,;:…"));

    /// <summary>A one- or two-word heading: above a headline it names the section of the site ("International").</summary>
    public static bool IsSectionLabel(string line) =>
        TextWords.AtMost(Text(line), MaxSectionLabelWords) && IsHeading(line);

    /// <summary>A generic section name ("Executive summary", "Introduction") that is never an article's title.</summary>
    public static bool IsStructural(string line) => StructuralHeading().IsMatch(Text(line).TrimEnd(':'));

    /// <summary>A heading that opens acknowledgements, disclosures, notes or references: not the article's body.</summary>
    public static bool OpensBackMatter(string line) => BackMatterHeading().IsMatch(Text(line).TrimEnd(':'));

    /// <summary>The heading's words, without Markdown's leading '#' or a "Title:" label.</summary>
    public static string Text(string line) =>
        MarkdownHeading().Match(line) is { Success: true } m ? m.Groups["text"].Value
        : TitleLabel().Match(line) is { Success: true } label ? line[label.Length..]
        : line;

    [GeneratedRegex(@"^(?:Title|TITLE|Headline|HEADLINE)\s*:\s*(?=\S)")]
    private static partial Regex TitleLabel();

    private static bool StartsLikeTitle(string line)
    {
        foreach (var c in line)
            if (char.IsLetterOrDigit(c))
                return char.IsUpper(c) || char.IsDigit(c);
        return false;
    }

    private static bool EndsWithAny(string line, string punctuation)
    {
        var end = line.AsSpan().TrimEnd("”’\"')]» ");
        return end.Length == 0 || punctuation.Contains(end[^1]);
    }
}
