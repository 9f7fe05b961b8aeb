using System.Text.RegularExpressions;

namespace BriefingBot.Corpus;

/// <summary>
/// Lines a web page wraps around an article that are not the article: toolbar and navigation labels ("Print",
/// "Old Version"), comment and teaser blocks ("Leave a Reply", "You May Also Like"), label-prefixed lines
/// ("Tags:…", "Disclaimer:…"), photo captions ("… (Photo by Xinhua)"), figure and source lines
/// ("Figure 1. …", "Source: …"), editorial views notes and lines with no words at all ("-", "***").
/// </summary>
internal static partial class PageFurniture
{
    // Labels of web page controls and blocks, compared without case and trailing ":", "»", "›" or ">".
    private static readonly WordSet InterfaceLabels = new(ignoreCase: true,
    [
        "print", "print this page", "share", "share this", "share this article", "email", "e-mail", "tweet",
        "facebook", "twitter", "linkedin", "whatsapp", "save", "bookmark", "listen", "download pdf", "pdf",
        "font size", "text size", "old version", "new version", "back to top", "top", "home", "menu", "advertisement",
        "sponsored", "subscribe", "sign up", "newsletter", "previous", "next",
    ]);

    // Blocks after which a page shows other articles or readers' comments: the article is over.
    private static readonly WordSet ArticleEnders = new(ignoreCase: true,
    [
        "leave a reply", "leave a comment", "comments", "you may also like", "you might also like", "related",
        "related articles", "related posts", "related stories", "related content", "read more", "read next",
        "more stories", "more from this author", "recommended", "recommended for you", "most read", "most popular",
        "previous article", "next article", "previous post", "next post",
    ]);

    // "Tags: …", "Disclaimer: …", "Filed under: …", "Copyright 2025 …", "© …".
    [GeneratedRegex(@"^(?:(?:Tags?|Keywords|Categories|Category|Topics|Filed under|Labels|Disclaimer|Editor['’]s note|Share this|Follow us)\s*:|Copyright\b|©|All rights reserved)", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledLine();

    // A closing credit: "… (Photo by Xinhua)", "(Photo: Reuters)", "(Image courtesy of …)".
    [GeneratedRegex(@"\((?:Photo|Photograph|Image|Picture|Illustration|Graphic|Video|File photo|Credit|Courtesy)\b[^()]*\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionCredit();

    [GeneratedRegex(@"^(?:Photo|Photograph|Image|Picture)\s*(?:by\b|credit\b|:)", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionLead();

    // "Figure 1. …", "Fig. 2: …", "Table 3 – …" (not "Table 3 shows …", which is a sentence).
    [GeneratedRegex(@"^(?:Figure|Fig\.|Table|Chart|Graph|Map|Exhibit|Graphic)\s*\d+[a-z]?\s*[.:–—-]", RegexOptions.IgnoreCase)]
    private static partial Regex FigureLine();

    // "Source: …", "Sources – …", or a scraped "SourceSutter, 2025" whose space went missing.
    [GeneratedRegex(@"^Sources?(?:\s*[:–—-]|(?=\p{Lu}))")]
    private static partial Regex SourceLine();

    // An editorial note on whose views these are: "The views expressed in this article are personal.",
    // "The views in this piece are the author’s alone."
    [GeneratedRegex(@"\b(?:views|opinions)\s+(?:expressed\s+)?(?:(?:in|of)\s+(?:this|the)\s+(?:article|piece|post|paper|essay|column|commentary|op-ed|report|blog)|here(?:in)?)\b.*\b(?:author|authors|writer|personal|own|alone|necessarily|reflect|represent|endorse)", RegexOptions.IgnoreCase)]
    private static partial Regex ViewsNote();

    // A Markdown image or a bare link on a line of its own.
    [GeneratedRegex(@"^!?\[[^\]]*\]\([^)]*\)$")]
    private static partial Regex MarkdownMedia();

    private const int MaxCaptionWords = 60;
    private const int MaxFigureWords = 30;
    private const int MaxNoteWords = 60;

    /// <summary>True when the trimmed <paramref name="line"/> is page furniture, never body text.</summary>
    // Every line of every article is asked. The patterns turn nearly every line away without reading it through
    // (they are anchored, or search for a rare character or word), so a line's words are counted only when it matches.
    public static bool IsFurniture(string line) =>
        !TextWords.HasLetterOrDigit(line)
        || InterfaceLabels.Contains(Label(line))
        || ArticleEnders.Contains(Label(line))
        || LabelledLine().IsMatch(line)
        || MarkdownMedia().IsMatch(line)
        || ((CaptionCredit().IsMatch(line) || CaptionLead().IsMatch(line)) && TextWords.AtMost(line, MaxCaptionWords))
        || ((FigureLine().IsMatch(line) || SourceLine().IsMatch(line)) && TextWords.AtMost(line, MaxFigureWords))
        || (ViewsNote().IsMatch(line) && TextWords.AtMost(line, MaxNoteWords));

    /// <summary>True when <paramref name="line"/> opens the comments or other articles' teasers.</summary>
    public static bool EndsArticle(string line) => ArticleEnders.Contains(Label(line));

    private static ReadOnlySpan<char> Label(string line) => line.AsSpan().TrimEnd(":»›> …").Trim();
}
