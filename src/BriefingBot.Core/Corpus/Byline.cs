using System.Text.RegularExpressions;

namespace BriefingBot.Corpus;

/// <summary>
/// A byline line wherever it stands: "By Yu Xiaodong Updated Jan.1", "By Anderson W. White",
/// "By Ana de la Cruz and John Smith | March 3, 2025", "Author: Jane Doe"; or a signature closing the piece, "— Jane Doe".
/// </summary>
/// <param name="Author">The name(s) exactly as written.</param>
/// <param name="Tail">What follows the name: a date, a role, an outlet; empty when nothing does.</param>
internal sealed partial record Byline(string Author, string Tail)
{
    private const int MaxLineLength = 160;
    private const int MaxNameTokens = 8;

    [GeneratedRegex(@"^(?:By|BY|(?:Written|Words|Story|Text|Reporting|Reported) by|WRITTEN BY)\s+|^(?:Authors?|AUTHORS?)\s*:\s*")]
    private static partial Regex Lead();

    [GeneratedRegex(@"\G\s*[^\s,|;/·•]+")]
    private static partial Regex NextToken();

    // A capitalised name word (O’Brien, Jean-Luc, ZHANG) or initials (W., J.R.).
    [GeneratedRegex(@"^(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}'’\-]*\.?)$")]
    private static partial Regex NameWord();

    // Lower-case name particles: "Ana de la Cruz", "Ludwig van Beethoven".
    private static readonly WordSet Particles = new(ignoreCase: false,
    [
        "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "bin", "binti", "al", "el", "la", "le",
        "dos", "das",
    ]);

    // Capitalised words that end a name: what follows a byline ("Updated Jan.1") or opens an ordinary sentence
    // that happens to start with "By" ("By October, ..." "By The time ...").
    private static readonly WordSet NotNames = new(ignoreCase: true,
    [
        "updated", "published", "posted", "modified", "last", "on", "in", "at", "for", "from", "the", "a", "an",
        "this", "that", "then", "now", "contrast", "comparison", "staff", "special",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    ]);

    // A tail may open with a separator, a dateline keyword, a month or a number; anything else means the line
    // is a sentence, not a byline.
    [GeneratedRegex(@"^(?:$|[,|;/·•–—-]|(?:Updated|Published|Posted|Modified|Last|On)\b|\p{Lu}\p{Ll}{2,8}\.?\s*\d|\d)")]
    private static partial Regex TailStart();

    // A signature closing a piece: "— Jane Doe", "-- Jane Doe, senior fellow".
    [GeneratedRegex(@"^(?:—|–|-{1,2})\s*(?=\p{Lu})")]
    private static partial Regex SignatureLead();

    /// <summary>The byline of <paramref name="line"/>, or null when the line is not one.</summary>
    public static Byline? Read(string line) => ReadAfter(line, Lead());

    /// <summary>The signature "— Jane Doe" that may close an article, or null when <paramref name="line"/> is not one.</summary>
    public static Byline? ReadSignature(string line) => ReadAfter(line, SignatureLead());

    private static Byline? ReadAfter(string line, Regex leadPattern)
    {
        // Every line of an article is asked: a long one is turned away before any pattern runs on it.
        if (line.Length > MaxLineLength || leadPattern.Match(line) is not { Success: true } lead) return null;

        var nameStart = lead.Length;
        var nameEnd = -1;
        var tokens = 0;
        // \G chains the matches token after token. They are read as spans (a match is whitespace, then the token):
        // every line that opens like a byline is asked, twice, and only the name is kept.
        foreach (var m in NextToken().EnumerateMatches(line, nameStart))
        {
            var token = line.AsSpan(m.Index, m.Length).TrimStart();
            if (IsNameWord(token))
            {
                nameEnd = m.Index + m.Length;
            }
            else if (nameEnd < 0 || !(Particles.Contains(token) || token is "and" or "&"))
            {
                break; // a particle or "and" only joins name words; the name ends at the last name word
            }
            if (++tokens == MaxNameTokens) break;
        }

        if (nameEnd < 0) return null;

        var author = line[nameStart..nameEnd];
        if (author.EndsWith('.') && !IsInitial(author.AsSpan(author.LastIndexOf(' ') + 1))) author = author[..^1];
        var tail = line[(nameStart + author.Length)..].Trim();
        return TailStart().IsMatch(tail) ? new Byline(author, tail) : null;
    }

    private static bool IsNameWord(ReadOnlySpan<char> token) =>
        NameWord().IsMatch(token) && !NotNames.Contains(token.TrimEnd('.'));

    private static bool IsInitial(ReadOnlySpan<char> token) => token.Length <= 4 && token.EndsWith('.');
}
