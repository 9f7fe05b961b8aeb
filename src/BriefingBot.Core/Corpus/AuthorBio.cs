using System.Text.RegularExpressions;

namespace BriefingBot.Corpus;

/// <summary>
/// An author's biography opening an article instead of a byline: "Jane Doe is a senior fellow at …".
/// The named person is the author and the biography is not body text.
/// </summary>
internal static partial class AuthorBio
{
    private const int MaxWords = 80;
    private const int MaxSentences = 3;

    // Two to four capitalised name words, then "is a/an/the" (a doubled "is is" is a common slip).
    [GeneratedRegex(@"^(?<name>\p{Lu}[\p{L}'’\-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’\-]+)){1,3})\s+is\s+(?:is\s+)?(?:(?:currently|also|now)\s+)?(?:a|an|the)\s")]
    private static partial Regex Opening();

    // What a biography says the person is.
    [GeneratedRegex(@"\b(?:student|professor|fellow|researcher|scholar|analyst|director|editor|journalist|writer|author|correspondent|lecturer|candidate|reporter|columnist|contributor|economist|consultant|founder|dean|expert|intern|graduate|doctoral|Ph\.?D)", RegexOptions.IgnoreCase)]
    private static partial Regex Role();

    private static readonly HashSet<string> NotFirstNames = new(StringComparer.Ordinal)
    {
        "The", "This", "That", "These", "Those", "It", "Our", "Their", "His", "Her", "Its",
    };

    /// <summary>The author a biography line names, or null when <paramref name="line"/> is not a biography.</summary>
    public static string? Author(string line)
    {
        var m = Opening().Match(line);
        if (!m.Success || !Role().IsMatch(line[m.Length..])) return null;
        var name = m.Groups["name"].Value;
        if (NotFirstNames.Contains(name.Split(' ')[0])) return null;
        if (!TextWords.AtMost(line, MaxWords) || SentenceSplitter.Split(line).Count > MaxSentences) return null;
        return name;
    }
}
