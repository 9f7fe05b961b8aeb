using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Corpus;

/// <summary>
/// Reads a corpus folder into a <see cref="CorpusSnapshot"/>. A file that cannot be used (binary, invalid UTF-8,
/// unreadable, empty, no body text) is skipped with a <see cref="CorpusWarning"/> naming it; the rest still reads.
/// </summary>
public sealed class CorpusReader(ILogger<CorpusReader> logger)
{
    // Share of control characters (besides tab, newline, carriage return, form feed) above which text is binary.
    private const double MaxControlShare = 0.1;

    // Control characters that text does not hold: every control character but tab, newline, carriage return, form feed.
    // Unicode's control characters are U+0000–U+001F and U+007F–U+009F, so only those are looked at.
    private static readonly SearchValues<char> StrayControls = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(c => (char)c)
            .Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')).ToArray());

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads every <c>*.txt</c> and <c>*.md</c> file under <paramref name="folder"/>, in ordinal path order.</summary>
    /// <exception cref="CorpusFolderNotFoundException">The folder does not exist.</exception>
    public CorpusSnapshot Read(string folder)
    {
        // Fingerprint first, of the very listing that is read (listing the folder once): a file changed while we read
        // leaves the snapshot looking older, never newer.
        var files = CorpusFile.List(folder);
        var fingerprint = CorpusFingerprint.Compute(files);
        var articles = new List<Article>();
        var warnings = new List<CorpusWarning>();
        // Files are parsed independently, on every core; the results keep path order. Collected in one go rather than
        // consumed as they come: the calling thread then parses too, where it would otherwise wait on the workers and
        // leave a core to a thread the pool has yet to add (a 100k-article corpus was parsed on one core for seconds).
        var parsed = files.AsParallel().AsOrdered().Select(file =>
        {
            var article = ReadArticle(file, out var problem);
            return (file, article, problem);
        }).ToList();
        foreach (var (file, article, problem) in parsed)
        {
            if (article is not null)
            {
                articles.Add(article);
                continue;
            }
            warnings.Add(new CorpusWarning(file.RelativePath, problem!));
            logger.LogWarning("Skipped corpus file {File}: {Problem}", file.RelativePath, problem);
        }

        logger.LogInformation("Read {Articles} articles from {Folder} ({Skipped} skipped)", articles.Count, folder, warnings.Count);
        return new CorpusSnapshot(articles, warnings, fingerprint);
    }

    private static Article? ReadArticle(CorpusFile file, out string? problem)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = "unreadable: " + e.Message;
            return null;
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            problem = "binary (contains NUL bytes)";
            return null;
        }

        var preamble = StrictUtf8.Preamble;
        var start = bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        // The text is decoded into a pooled buffer, not a string: the parser keeps only the lines it needs, and a
        // string of the whole file would be garbage the moment the article is parsed.
        var buffer = ArrayPool<char>.Shared.Rent(StrictUtf8.GetMaxCharCount(bytes.Length - start));
        try
        {
            ReadOnlySpan<char> text;
            try
            {
                text = buffer.AsSpan(0, StrictUtf8.GetChars(bytes, start, bytes.Length - start, buffer, 0));
            }
            catch (DecoderFallbackException)
            {
                problem = "not valid UTF-8 text";
                return null;
            }

            if (IsMostlyControls(text))
            {
                problem = "binary (mostly control characters)";
                return null;
            }

            return ArticleParser.Parse(file.RelativePath, text, out problem);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool IsMostlyControls(ReadOnlySpan<char> text)
    {
        // Searched rather than tested one by one: text has none, and the search skips it in vectorised blocks.
        var controls = 0;
        for (var rest = text; rest.IndexOfAny(StrayControls) is var next and >= 0; rest = rest[(next + 1)..])
            controls++;
        return text.Length > 0 && controls > text.Length * MaxControlShare;
    }
}
