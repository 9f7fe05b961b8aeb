using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace BriefingBot.Quotes;

/// <summary>
/// How names compare: case, diacritics, punctuation and middle initials do not matter ("Donald J. Trump" =
/// "donald trump", "Gao Zhikai" = "gao zhikai", "O’Brien" = "OBrien").
/// </summary>
internal static class NameKey
{
    /// <summary>The comparable form of a name: folded words joined by single spaces, middle initials dropped.</summary>
    public static string Of(string name)
    {
        var tokens = TokenList(name);
        for (var i = tokens.Count - 2; i > 0; i--)
            if (tokens[i].Length == 1)
                tokens.RemoveAt(i);
        return string.Join(' ', CollectionsMarshal.AsSpan(tokens));
    }

    /// <summary>The folded words of a name or a question, in order.</summary>
    public static IReadOnlyList<string> Tokens(string text) => TokenList(text);

    private static List<string> TokenList(string text)
    {
        var folded = Fold(text);
        var tokens = new List<string>();
        // A word's letters are gathered on the stack: every name of every article is keyed.
        Span<char> word = folded.Length <= 256 ? stackalloc char[folded.Length] : new char[folded.Length];
        var length = 0;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
                word[length++] = c;
            else if (c is '\'' or '’' or '-' or '.')
                continue; // inside a word: "o’brien", "jean-claude", "j."
            else if (length > 0)
            {
                tokens.Add(new string(word[..length]));
                length = 0;
            }
        }
        if (length > 0)
            tokens.Add(new string(word[..length]));
        return tokens;
    }

    /// <summary>Lowercase without diacritics.</summary>
    public static string Fold(string text)
    {
        // ASCII has no diacritics to strip and nothing to recompose: lower case is all there is to do.
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\u007F'))
            return text.ToLowerInvariant();
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>"Donald J. Trump" → "Donald Trump": a name as displayed without its middle initials.</summary>
    public static string WithoutMiddleInitials(string name)
    {
        if (name.AsSpan().Count(' ') < 2)
            return name; // fewer than three words, nothing in the middle: most names
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
            return name;
        var kept = parts.Where((p, i) => i == 0 || i == parts.Length - 1 || !IsInitial(p));
        return string.Join(' ', kept);
    }

    private static bool IsInitial(string part) => part.Length == 2 && char.IsUpper(part[0]) && part[1] == '.';
}
