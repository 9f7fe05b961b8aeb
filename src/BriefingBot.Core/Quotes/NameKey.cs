using System.Globalization;
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
        var tokens = Tokens(name);
        var kept = tokens.Where((t, i) => t.Length > 1 || i == 0 || i == tokens.Count - 1);
        return string.Join(' ', kept);
    }

    /// <summary>The folded words of a name or a question, in order.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        var folded = Fold(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
                current.Append(c);
            else if (c is '\'' or '’' or '-' or '.')
                continue; // inside a word: "o’brien", "jean-claude", "j."
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
            tokens.Add(current.ToString());
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
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
            return name;
        var kept = parts.Where((p, i) => i == 0 || i == parts.Length - 1 || !IsInitial(p));
        return string.Join(' ', kept);
    }

    private static bool IsInitial(string part) => part.Length == 2 && char.IsUpper(part[0]) && part[1] == '.';
}
