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
        // Built on the stack, one string in the end: every name of every article is keyed.
        Span<char> lowered = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var folded = FoldInto(name, lowered);
        Span<char> words = folded.Length <= 256 ? stackalloc char[folded.Length] : new char[folded.Length];
        var length = WriteWords(folded, words);
        var kept = 0;
        for (var start = 0; start < length;)
        {
            var space = words[start..length].IndexOf(' ');
            var end = space < 0 ? length : start + space;
            // A one-letter word between the first and the last is a middle initial ("donald j trump").
            if (end - start > 1 || start == 0 || end == length)
            {
                if (kept > 0)
                    words[kept++] = ' ';
                words[start..end].CopyTo(words[kept..]);
                kept += end - start;
            }
            start = end + 1;
        }
        return new string(words[..kept]);
    }

    /// <summary>The folded words of a name or a question, in order.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        var folded = Fold(text);
        Span<char> words = folded.Length <= 256 ? stackalloc char[folded.Length] : new char[folded.Length];
        var length = WriteWords(folded, words);
        return length == 0 ? [] : new string(words[..length]).Split(' ');
    }

    /// <summary>Writes the words of folded text into <paramref name="words"/>, one space between them, and returns
    /// the length written (never more than the text's): a word is letters and digits, the punctuation inside it left
    /// out; anything else stands between words.</summary>
    private static int WriteWords(ReadOnlySpan<char> folded, Span<char> words)
    {
        var length = 0;
        var inWord = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord && length > 0)
                    words[length++] = ' ';
                words[length++] = c;
                inWord = true;
            }
            else if (c is '\'' or '’' or '-' or '.')
                continue; // inside a word: "o’brien", "jean-claude", "j."
            else
                inWord = false;
        }
        return length;
    }

    /// <summary><see cref="Fold"/>, written into <paramref name="buffer"/> (as long as the text) when the text is
    /// ASCII, as most names are; other text is folded into a string of its own.</summary>
    private static ReadOnlySpan<char> FoldInto(string text, Span<char> buffer) =>
        Ascii.IsValid(text) ? buffer[..text.AsSpan().ToLowerInvariant(buffer)] : FoldBeyondAscii(text);

    /// <summary>Lowercase without diacritics (ASCII, with none to strip and nothing to recompose, is only lowercased).</summary>
    public static string Fold(string text) => Ascii.IsValid(text) ? text.ToLowerInvariant() : FoldBeyondAscii(text);

    private static string FoldBeyondAscii(string text)
    {
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
