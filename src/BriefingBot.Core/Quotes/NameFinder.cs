using System.Text.RegularExpressions;
using BriefingBot.Corpus;

namespace BriefingBot.Quotes;

/// <summary>
/// Finds the names of a paragraph by their shape: runs of capitalised words outside quotes, with titles stripped
/// ("Defense Minister Dong Jun" → "Dong Jun"), organisation and place words told apart, and the context that
/// shows a person (title, role noun, appositive, year or alias in parentheses, say-verb) recorded.
/// </summary>
internal static partial class NameFinder
{
    /// <summary>The paragraph's names in reading order. Their phrases (titles included) never overlap: each run of
    /// words is read once, and the search goes on after it (<see cref="ArticleReading"/> relies on this).</summary>
    public static IReadOnlyList<Mention> Find(ParagraphLayout paragraph)
    {
        var mentions = new List<Mention>();
        var words = paragraph.Words;
        var k = 0;
        while (k < words.Count)
        {
            if (!IsNameLike(paragraph, k))
            {
                k++;
                continue;
            }
            var last = RunEnd(paragraph, k);
            var skipTo = last + 1;
            var found = mentions.Count;
            Classify(paragraph, k, last, mentions);
            for (var i = found; i < mentions.Count; i++)
                if (mentions[i].Alias is not null)
                    skipTo = Math.Max(skipTo, paragraph.WordAtOrAfter(AliasEnd(paragraph, mentions[i])));
            k = skipTo;
        }
        return mentions;
    }

    /// <summary>A word shaped like part of a name: capitalised with lowercase letters ("Xi", "O’Brien",
    /// "Jean-Claude"), or an initial ("J."). Acronyms ("US", "APEC") are not names.</summary>
    public static bool IsNameToken(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || !char.IsUpper(word[0]))
            return false;
        var hasLower = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            // Each part of a hyphenated name is capitalised too ("Jean-Claude", not "Long-term").
            if (c == '-' && (i + 1 == word.Length || !char.IsUpper(word[i + 1])))
                return false;
            if (!(char.IsLetter(c) || c is '’' or '\'' or '-' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark))
                return false;
            hasLower |= char.IsLower(c);
        }
        return hasLower;
    }

    /// <summary>A given name written with a hyphen and a lowercase second syllable ("Min-jun", "Ing-wen", "Jong-un"):
    /// it goes on a name ("Park Min-jun") but never starts one, so "Long-term" opening a sentence stays a word.</summary>
    public static bool IsHyphenatedGivenName(ReadOnlySpan<char> word)
    {
        var hyphen = word.IndexOf('-');
        if (hyphen < 0)
            return false;
        var second = word[(hyphen + 1)..];
        if (second.Length is < 1 or > 6 || !IsNameToken(word[..hyphen]))
            return false;
        foreach (var c in second)
            if (!char.IsLower(c))
                return false; // not a lowercase syllable, or a second hyphen
        return true;
    }

    private static bool IsInitial(ParagraphLayout p, int k)
    {
        var w = p.Words[k];
        if (w.End - w.Start != 1 || !char.IsUpper(p.Text[w.Start]) || w.End >= p.Text.Length || p.Text[w.End] != '.')
            return false;
        // "U.S.", "U.K.": a dotted abbreviation, not a person's initials ("H.R. McMaster").
        var start = w.Start;
        while (start >= 2 && p.Text[start - 1] == '.' && char.IsLetter(p.Text[start - 2]))
            start -= 2;
        var end = w.End;
        while (end + 2 < p.Text.Length && char.IsLetter(p.Text[end + 1]) && p.Text[end + 2] == '.')
            end += 2;
        return end - start <= 1 || !Lexicon.Abbreviations.Contains(p.Text.AsSpan(start, end - start));
    }

    private static bool IsNameLike(ParagraphLayout p, int k) => IsNameToken(p.Words[k].Bare) || IsInitial(p, k);

    /// <summary>The last word of the run of name-like words that starts at <paramref name="first"/>. A run, and every
    /// part of it looked at below, is a range of consecutive words, so it is passed as its first and last word.</summary>
    private static int RunEnd(ParagraphLayout p, int first)
    {
        var words = p.Words;
        var j = first;
        while (!words[j].IsPossessive && j + 1 < words.Count)
        {
            var next = j + 1;
            if ((IsNameLike(p, next) || IsHyphenatedGivenName(words[next].Bare)) && Joins(p, j, next))
            {
                j = next;
                continue;
            }
            // "Ministry of Foreign Affairs", "Ursula von der Leyen": lowercase connectors between capitalised words;
            // several in a row only when all are name particles ("von der", "de la"), never "of the".
            var m = next;
            while (m < words.Count && Lexicon.Connectors.Contains(words[m].Span) && !words[m].IsCapitalised && p.IsBlankBetween(m - 1, m)
                   && (m == next || (Lexicon.Particles.Contains(words[m].Span) && Lexicon.Particles.Contains(words[next].Span))))
                m++;
            if (m > next && m < words.Count && p.IsBlankBetween(m - 1, m) && IsNameLike(p, m))
            {
                j = m;
                continue;
            }
            break;
        }
        return j;
    }

    private static bool Joins(ParagraphLayout p, int a, int b)
    {
        if (p.IsBlankBetween(a, b))
            return true;
        // "Donald J. Trump", "Mr. Smith": a period after an initial or an abbreviated title stays inside the name.
        var gap = p.Text.AsSpan(p.Words[a].End, p.Words[b].Start - p.Words[a].End);
        var abbreviated = IsInitial(p, a) || Lexicon.Titles.Contains(p.Words[a].Span);
        return abbreviated && InitialGap().IsMatch(gap) && !Lexicon.LeadingStopWords.Contains(p.Words[b].Span)
            && (IsInitial(p, a) || char.IsWhiteSpace(gap[^1]));
    }

    /// <summary>Adds the names that the run of words [<paramref name="first"/>, <paramref name="last"/>] holds.</summary>
    private static void Classify(ParagraphLayout p, int first, int last, List<Mention> mentions)
    {
        var words = p.Words;
        var lead = first;
        while (lead <= last && (Lexicon.LeadingStopWords.Contains(words[lead].Span) || !words[lead].IsCapitalised))
            lead++;
        if (lead > last)
            return;

        var lastTitle = -1;
        for (var i = lead; i <= last; i++)
        {
            if (HasWordFrom(words[i].Bare, Lexicon.OrganisationWords) && words[i].IsCapitalised)
            {
                var end = last;
                while (!words[end].IsCapitalised) end--;
                mentions.Add(Make(p, lead, lead, end, MentionKind.Organisation, titled: false));
                return;
            }
            if (Lexicon.Titles.Contains(words[i].Bare) && words[i].IsCapitalised)
                lastTitle = i;
        }

        var rest = lastTitle >= 0 ? lastTitle + 1 : lead;
        if (lastTitle >= 0 && rest <= last && words[rest].Span is "of")
        {
            // "Secretary of State Antony Blinken", "Minister of Foreign Affairs Wang Yi": the office ends where
            // a two-word name still remains.
            rest++;
            var remaining = last - rest + 1;
            rest += Math.Max(1, remaining - 2);
        }
        if (rest > last)
            return;
        for (var i = rest; i <= last; i++)
            if (HasWordFrom(words[i].Bare, Lexicon.NonPersonWords))
                return;

        // The rest splits at phrase connectors ("of", "and") into parts, each a name when it reads as one.
        var titled = lastTitle >= 0;
        var partStart = rest;
        for (var i = rest; i <= last + 1; i++)
        {
            if (i <= last && !(Lexicon.PhraseConnectors.Contains(words[i].Span) && !words[i].IsCapitalised))
                continue;
            var partEnd = i - 1;
            while (partEnd >= partStart && !words[partEnd].IsCapitalised) partEnd--;
            var named = 0;
            var initials = 0;
            for (var j = partStart; j <= partEnd; j++)
            {
                if (words[j].IsCapitalised) named++;
                if (IsInitial(p, j)) initials++;
            }
            if (named > initials && named is >= 1 and <= 5)
            {
                var kind = named == 1 ? MentionKind.SingleName : MentionKind.FullName;
                if (kind == MentionKind.FullName || initials == 0)
                    mentions.Add(Make(p, titled ? lead : partStart, partStart, partEnd, kind, titled));
            }
            partStart = i + 1;
            titled = false;
        }
    }

    /// <summary>The mention of the name that spans words [<paramref name="firstWord"/>, <paramref name="lastWord"/>],
    /// its phrase (titles included) starting at <paramref name="leadWord"/>.</summary>
    private static Mention Make(ParagraphLayout p, int leadWord, int firstWord, int lastWord, MentionKind kind, bool titled)
    {
        var words = p.Words;
        var first = words[firstWord];
        var last = words[lastWord];
        var name = Collapse(p.Text[first.Start..(last.Start + last.Bare.Length)]);
        string? alias = null;
        var evidence = titled;
        // Made for the first role: most names have none.
        List<string>? roles = null;
        for (var k = leadWord; k < firstWord; k++)
            (roles ??= []).Add(words[k].Lower);
        if (kind != MentionKind.Organisation)
        {
            if (NextNonSpace(p.Text, last.End) == '(' && Parenthesis().Match(p.Text, last.End) is { Success: true } parenthesis)
            {
                var inside = parenthesis.Groups[1].Value.Trim();
                if (Year().IsMatch(inside))
                    evidence = true;
                else if (IsAliasName(inside))
                {
                    alias = Collapse(inside);
                    evidence = true;
                }
            }
            var appositive = AppositiveWords(p.Text, last.End);
            if (appositive.Count > 0)
            {
                evidence = true;
                (roles ??= []).AddRange(appositive);
            }
            if (leadWord > 0 && Lexicon.RoleNouns.Contains(words[leadWord - 1].Span) && !words[leadWord - 1].IsCapitalised && p.IsBlankBetween(leadWord - 1, leadWord))
            {
                evidence = true;
                (roles ??= []).Add(words[leadWord - 1].Lower);
            }
            if (!last.IsPossessive && SaysNext(p, lastWord))
                evidence = true;
        }
        return new Mention(p.Index, leadWord, firstWord, lastWord, first.Start, last.End, kind, name,
            last.IsPossessive, titled, evidence, alias, (IReadOnlyList<string>?)roles ?? []);
    }

    /// <summary>A say-verb follows the name, past auxiliaries, adverbs and a parenthesis ("Kissinger (2011) cautioned").</summary>
    private static bool SaysNext(ParagraphLayout p, int lastWord)
    {
        var position = p.Words[lastWord].End;
        while (p.StepRight(position) is { Word: >= 0 } step)
        {
            var w = p.Words[step.Word];
            if (Lexicon.SpeechVerbs.Contains(w.Span) && !w.IsCapitalised)
                return true;
            if (!Lexicon.Auxiliaries.Contains(w.Span) && !IsAdverb(w))
                return false;
            position = w.End;
        }
        return false;
    }

    public static bool IsAdverb(Word w) => !w.IsCapitalised && w.Span.Length > 4 && w.Span.EndsWith("ly", StringComparison.Ordinal);

    /// <summary>The text at <paramref name="at"/>, right after a name, opens an appositive that describes a person
    /// ("…, a professor at …", "…, China’s premier, …", "…, speaking on television, …").</summary>
    public static bool IsAppositive(string text, int at) => AppositiveAt(text, at) is not null;

    /// <summary>The first words of the appositive at <paramref name="at"/>, lowercased; empty when there is none.</summary>
    public static IReadOnlyList<string> AppositiveWords(string text, int at) =>
        AppositiveAt(text, at) is { } match
            ? text[match.Groups[1].Index..(match.Index + match.Length)]
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Take(4)
                .Select(w => w.TrimEnd(',', ';', '.').ToLowerInvariant())
                .ToArray()
            : [];

    /// <summary>The appositive at <paramref name="at"/>, or null; its words are only read out when they are wanted.</summary>
    private static Match? AppositiveAt(string text, int at)
    {
        // Most names are followed by neither: the regex is run only where its comma or parenthesis is.
        if (NextNonSpace(text, at) is not (',' or '(') || Appositive().Match(text, at) is not { Success: true } match)
            return null;
        var first = match.Groups[1].Value;
        bool opens;
        if (char.IsDigit(first[0]))
            opens = first.All(char.IsDigit); // an age: "Patricia Kim, 41, a fellow …"
        else if (char.IsLower(first[0]))
            opens = Lexicon.AppositiveStarts.Contains(first) || (first.EndsWith("ing", StringComparison.Ordinal) && first.Length > 4);
        else
            opens = first.Length > 2 && first[^1] == 's' && first[^2] is '’' or '\''; // "China’s premier"
        return opens ? match : null;
    }

    /// <summary>The first character from <paramref name="at"/> on that is not white space (<c>\s</c>); '\0' if none.</summary>
    private static char NextNonSpace(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
        return at < text.Length ? text[at] : '\0';
    }

    private static bool IsAliasName(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length is >= 2 and <= 4 && parts.All(w => IsNameToken(w))
            && !parts.Any(w => Lexicon.OrganisationWords.Contains(w) || Lexicon.NonPersonWords.Contains(w));
    }

    private static int AliasEnd(ParagraphLayout p, Mention mention)
    {
        var close = p.Text.IndexOf(')', mention.End);
        return close < 0 ? mention.End : close;
    }

    private static bool HasWordFrom(ReadOnlySpan<char> word, WordSet set)
    {
        if (set.Contains(word))
            return true;
        if (word.Contains('-'))
            foreach (var part in word.Split('-'))
                if (set.Contains(word[part]))
                    return true;
        return false;
    }

    public static string Collapse(string text)
    {
        var trimmed = text.Trim();
        // Names are nearly always single-spaced already: the regex, and its copy, only when there is something to collapse.
        return IsSingleSpaced(trimmed) ? trimmed : Spaces().Replace(trimmed, " ");
    }

    /// <summary>No white space but single spaces (as <see cref="Spaces"/> would leave it).</summary>
    private static bool IsSingleSpaced(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i > 0 && text[i - 1] == ' ')))
                return false;
        return true;
    }

    [GeneratedRegex(@"^\.\s*$")]
    private static partial Regex InitialGap();

    [GeneratedRegex(@"\G\s*\(([^()]{1,60})\)")]
    private static partial Regex Parenthesis();

    [GeneratedRegex(@"^\d{4}[a-z]?(,\s*p+\.?\s*\d+)?$")]
    private static partial Regex Year();

    /// <summary>What follows a name that is in apposition: "(Victor Gao), vice president …", ", a professor …".</summary>
    [GeneratedRegex(@"\G\s*(?:\([^()]*\)\s*)?,\s*([\p{L}\p{Nd}’']+)(?:[^,;:.“”""]{0,60})")]
    private static partial Regex Appositive();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
