using System.Security.Cryptography;
using System.Text;
using BriefingBot.Corpus;

namespace BriefingBot.Search;

/// <summary>Tells a changed article from an unchanged one across rebuilds.</summary>
internal static class ArticleHash
{
    public static string Of(Article article)
    {
        var text = new StringBuilder()
            .AppendLine(article.Title).AppendLine(article.Author).AppendLine(article.Published?.ToString("O"))
            .AppendJoin('\n', article.Paragraphs.Select(p => p.Text))
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
