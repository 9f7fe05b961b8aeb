using System.Buffers;
using System.Security.Cryptography;
using System.Text;
namespace BriefingBot.Corpus;

/// <summary>Tells a changed article from an unchanged one across rebuilds (<see cref="Article.ContentHash"/>).</summary>
/// <remarks>
/// The hash is of the UTF-8 text "title, author, publication date, one line each, then the paragraphs joined by
/// newlines"; indexes already built hold hashes of exactly that. It is fed piece by piece: building the whole text
/// first copied every article three times per rebuild.
/// </remarks>
internal static class ArticleHash
{
    public static string Of(string? title, string? author, DateOnly? published, IReadOnlyList<Paragraph> paragraphs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendLine(hash, title);
        AppendLine(hash, author);
        AppendLine(hash, published?.ToString("O"));
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i > 0) Append(hash, "\n");
            Append(hash, paragraphs[i].Text);
        }
        // The first 16 hex digits: those of the first 8 bytes.
        return Convert.ToHexStringLower(hash.GetHashAndReset(), 0, 8);
    }

    private static void AppendLine(IncrementalHash hash, string? line)
    {
        Append(hash, line);
        Append(hash, Environment.NewLine);
    }

    // Every piece ends or starts with a newline, so encoding the pieces one by one gives the bytes of the whole.
    private static void Append(IncrementalHash hash, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            hash.AppendData(buffer, 0, Encoding.UTF8.GetBytes(text, buffer));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
