using System.Text.RegularExpressions;

namespace BriefingBot.Corpus;

/// <summary>
/// Turns the text of one corpus file into an <see cref="Article"/>: metadata and numbered body paragraphs.
/// </summary>
/// <remarks>
/// <para>Metadata: an optional front-matter block (<c>title</c>, <c>author</c>, <c>published</c> or <c>date</c>,
/// <c>url</c>) wins; what it leaves out comes from the text: the headline (the first title-like line before the body,
/// skipping section labels like "International" and generic headings like "Executive summary"), the first byline
/// wherever it stands ("By Yu Xiaodong Updated Jan.1", "By Anderson W. White") or a signature ending the piece ("— Jane
/// Doe"), else an author biography opening the article ("Jane Doe is a student at …") or closing it, and a date in the
/// byline or a dateline. A date without a year is resolved
/// against the article's own explicit dates only. Whatever the text does not say stays null.</para>
/// <para>Body: every non-empty line that is body text, verbatim and trimmed (a leading list bullet dropped), one
/// paragraph each, numbered from 1. Not body: page furniture (<see cref="PageFurniture"/>), bylines, datelines, the
/// headline, the author biography, anything after a "Leave a Reply"/"You May Also Like" block, acknowledgements or
/// notes sections, and section headings. Headings are left out rather than numbered: they are labels, not sentences
/// anyone says, and must never come back as an answer.</para>
/// </remarks>
public static partial class ArticleParser
{
    [GeneratedRegex(@"^[-*•▪◦–]\s+(?=\S)")]
    private static partial Regex ListBullet();

    // Held once: Trim(params char[]) would allocate the array for every line.
    private static readonly char[] Emphasis = ['*', '_', ' '];

    private enum Role { Body, Headline, Heading, Furniture, Byline, Dateline, Biography }

    /// <summary>Parses <paramref name="text"/>; null when it holds no article (see the overload for why).</summary>
    public static Article? Parse(string relativePath, string text) => Parse(relativePath, text, out _);

    /// <summary>
    /// Parses <paramref name="text"/>, the content of the corpus file at <paramref name="relativePath"/>
    /// ('/' or '\' separated, relative to the corpus folder).
    /// </summary>
    /// <param name="rejection">Why no article came out ("empty", "no body text"); null on success.</param>
    public static Article? Parse(string relativePath, string text, out string? rejection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        ArgumentNullException.ThrowIfNull(text);
        return Parse(relativePath, text.AsSpan(), out rejection);
    }

    /// <summary>
    /// Parses <paramref name="text"/> as <see cref="Parse(string, string, out string?)"/> does, from any buffer: the
    /// corpus reader decodes each file into a reused one, and only the lines kept become strings.
    /// </summary>
    internal static Article? Parse(string relativePath, ReadOnlySpan<char> text, out string? rejection)
    {
        var content = text.TrimStart('\uFEFF');
        if (content.IsWhiteSpace())
        {
            rejection = "empty";
            return null;
        }

        var rawLines = LineRanges(content);
        var front = FrontMatter.Read(content, rawLines, out var bodyStart);
        var lines = new List<string>(rawLines.Count - bodyStart);
        for (var i = bodyStart; i < rawLines.Count; i++)
        {
            var line = content[rawLines[i]].Trim();
            if (line.Length > 0) lines.Add(WithoutListBullet(line).ToString());
        }

        // Markdown emphasis around a whole line ("**By Jane Doe**") says nothing about what the line is.
        var bare = lines.ConvertAll(line => line.Trim(Emphasis));
        var roles = bare.Select(Classify).ToArray();
        DropAfterArticleEnd(bare, roles);
        DropBackMatter(bare, roles);
        MarkSignature(bare, roles);
        var bylines = Enumerable.Range(0, lines.Count)
            .Where(i => roles[i] == Role.Byline)
            .Select(i => Byline.Read(bare[i]) ?? Byline.ReadSignature(bare[i])!)
            .ToList();
        var headline = FindHeadline(bare, roles);
        var bioAuthor = FindBiography(bare, roles, closingAllowed: front?.Author is null && bylines.Count == 0);

        // Sized exactly: the paragraphs outlive the parse, as part of the corpus model.
        var paragraphs = new Paragraph[roles.Count(role => role == Role.Body)];
        if (paragraphs.Length == 0)
        {
            rejection = "no body text";
            return null;
        }
        var numbered = 0;
        var sentences = new List<Sentence>();
        for (var i = 0; i < lines.Count; i++)
            if (roles[i] == Role.Body)
            {
                paragraphs[numbered] = new Paragraph(numbered + 1, lines[i], SentenceSplitter.Split(lines[i], sentences));
                numbered++;
            }

        var file = relativePath.Replace('\\', '/');
        rejection = null;
        return new Article(
            Id: WithoutExtension(file),
            File: file,
            Title: front?.Title ?? (headline is null ? null : Headings.Text(headline)),
            Author: front?.Author ?? bylines.FirstOrDefault()?.Author ?? bioAuthor,
            Published: front?.Published ?? StatedPublication(content, bare, roles, bylines),
            Url: front?.Url,
            Paragraphs: paragraphs);
    }

    // The lines of the text, ended by "\r\n", "\r" or "\n"; held as ranges, since most are trimmed or dropped and only
    // the lines kept are worth a string of their own.
    private static List<Range> LineRanges(ReadOnlySpan<char> text)
    {
        var lines = new List<Range>();
        for (var start = 0; ;)
        {
            var length = text[start..].IndexOfAny('\r', '\n');
            if (length < 0)
            {
                lines.Add(start..text.Length);
                return lines;
            }
            var end = start + length;
            lines.Add(start..end);
            start = text[end..].StartsWith("\r\n") ? end + 2 : end + 1;
        }
    }

    private static ReadOnlySpan<char> WithoutListBullet(ReadOnlySpan<char> line)
    {
        foreach (var bullet in ListBullet().EnumerateMatches(line))
            return line[bullet.Length..];
        return line;
    }

    private static Role Classify(string line) =>
        PageFurniture.IsFurniture(line) ? Role.Furniture
        : Byline.Read(line) is not null ? Role.Byline
        : PublicationDate.ReadDateLine(line) is not null ? Role.Dateline
        : Headings.IsHeading(line) ? Role.Heading
        : Role.Body;

    // Comments and other articles' teasers follow "Leave a Reply" / "You May Also Like": none of it is this article.
    private static void DropAfterArticleEnd(List<string> lines, Role[] roles)
    {
        var seenBody = false;
        for (var i = 0; i < lines.Count; i++)
        {
            seenBody |= roles[i] == Role.Body;
            if (seenBody && PageFurniture.EndsArticle(lines[i]))
            {
                Array.Fill(roles, Role.Furniture, i, lines.Count - i);
                return;
            }
        }
    }

    // Acknowledgements, disclosures and notes run from their heading to the next heading.
    private static void DropBackMatter(List<string> lines, Role[] roles)
    {
        var inBackMatter = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (roles[i] == Role.Heading) inBackMatter = Headings.OpensBackMatter(lines[i]);
            else if (inBackMatter && roles[i] == Role.Body) roles[i] = Role.Furniture;
        }
    }

    // "— Jane Doe" as the last line of the piece signs it.
    private static void MarkSignature(List<string> lines, Role[] roles)
    {
        var last = Array.FindLastIndex(roles, r => r is not Role.Furniture);
        if (last >= 0 && Byline.ReadSignature(lines[last]) is not null) roles[last] = Role.Byline;
    }

    // An author's biography opens the piece ("Jane Doe is a senior fellow at …") or, with no byline, closes it; a
    // closing one must name somebody the body never mentions, or it is about a person in the story.
    private static string? FindBiography(List<string> lines, Role[] roles, bool closingAllowed)
    {
        var body = Enumerable.Range(0, lines.Count).Where(i => roles[i] == Role.Body).ToList();
        if (body.Count == 0) return null;
        if (AuthorBio.Author(lines[body[0]]) is { } opening)
        {
            roles[body[0]] = Role.Biography;
            return opening;
        }
        if (!closingAllowed || body.Count < 2 || AuthorBio.Author(lines[body[^1]]) is not { } closing) return null;
        var surname = closing.Split(' ')[^1];
        if (body.SkipLast(1).Any(i => lines[i].Contains(surname, StringComparison.Ordinal))) return null;
        roles[body[^1]] = Role.Biography;
        return closing;
    }

    // The headline is the first title-like line before the body starts, unless it is a section label standing
    // above another title-like line, or a generic heading ("Executive summary") that titles a section, not the piece.
    private static string? FindHeadline(List<string> lines, Role[] roles)
    {
        var candidates = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (roles[i] is Role.Furniture or Role.Byline or Role.Dateline) continue;
            if (!Headings.IsHeadlineLike(lines[i])) break;
            candidates.Add(i);
        }

        for (var c = 0; c < candidates.Count; c++)
        {
            var line = lines[candidates[c]];
            if (Headings.IsStructural(line)) continue;
            if (c + 1 < candidates.Count && Headings.IsSectionLabel(line)) continue;
            roles[candidates[c]] = Role.Headline;
            return line;
        }
        return null;
    }

    // The date the article states for itself: the first byline's date, else a date line or news dateline before
    // the body. A month and day alone get their year from the article's own dates; no year, no date.
    private static DateOnly? StatedPublication(ReadOnlySpan<char> text, List<string> lines, Role[] roles, List<Byline> bylines)
    {
        var stated = bylines.Select(b => PublicationDate.FindFirst(b.Tail)).FirstOrDefault(d => d is not null);
        for (var i = 0; stated is null && i < lines.Count && roles[i] != Role.Biography; i++)
        {
            if (roles[i] == Role.Dateline) stated = PublicationDate.ReadDateLine(lines[i]);
            else if (roles[i] == Role.Body)
            {
                stated = PublicationDate.ReadNewsDateline(lines[i]);
                break;
            }
        }
        if (stated is not { } date) return null;
        // Only a date without a year needs the article's other dates, and finding them reads the whole text, made a
        // string for it. Its line breaks, as written ("\r\n", "\r" or "\n"), are only whitespace to the date patterns.
        return PublicationDate.Resolve(date, date.Year is null ? PublicationDate.ExplicitDates(text.ToString()) : []);
    }

    private static string WithoutExtension(string file)
    {
        var dot = file.LastIndexOf('.');
        return dot > file.LastIndexOf('/') + 1 ? file[..dot] : file;
    }
}
