using BriefingBot.Corpus;

namespace BriefingBot.Tests.Corpus;

/// <summary>Small articles written here, with invented names, one behaviour each.</summary>
public class ArticleParserTests
{
    private static Article Parse(string text, string path = "news/story.txt") =>
        ArticleParser.Parse(path, text) ?? throw new Xunit.Sdk.XunitException("no article parsed");

    private static IEnumerable<string> Paragraphs(Article article) => article.Paragraphs.Select(p => p.Text);

    [Theory]
    [InlineData("Published on ١٢ March 2026")]
    [InlineData("March ٣")]
    public void DateLine_InDigitsOfOtherScripts_IsNotAPublicationDate(string dateLine)
    {
        var article = Parse($"Talks resume\nBy Jane Doe\n{dateLine}\nNegotiators met again on Tuesday in Geneva.");

        Assert.Null(article.Published);
    }

    [Fact]
    public void FrontMatter_WinsOverTheText()
    {
        var article = Parse("""
            ---
            title: "Harbour Talks Resume"
            author: Mara Quill
            published: 2025-03-04
            url: https://example.org/harbour
            ---
            A Different Headline

            By Someone Else Updated Jan.1

            Negotiators met again on Tuesday. They agreed to talk.
            """);

        Assert.Equal("Harbour Talks Resume", article.Title);
        Assert.Equal("Mara Quill", article.Author);
        Assert.Equal(new DateOnly(2025, 3, 4), article.Published);
        Assert.Equal("https://example.org/harbour", article.Url);
        Assert.Equal(["Negotiators met again on Tuesday. They agreed to talk."], Paragraphs(article));
    }

    [Fact]
    public void FrontMatter_LeavesOutAuthor_BylineStillGivesIt()
    {
        var article = Parse("""
            ---
            title: Harbour Talks Resume
            ---
            By Mara Quill

            Negotiators met again on Tuesday.
            """);

        Assert.Equal("Mara Quill", article.Author);
    }

    [Fact]
    public void TopByline_GivesAuthor_AndIsNotBody()
    {
        var article = Parse("""
            Harbour Talks Resume

            By Tomas Ravel Updated Mar.4

            Negotiators met again on Tuesday.
            """);

        Assert.Equal("Tomas Ravel", article.Author);
        Assert.Equal(["Negotiators met again on Tuesday."], Paragraphs(article));
    }

    [Fact]
    public void EndByline_GivesAuthor_AndIsNotBody()
    {
        var article = Parse("""
            Harbour Talks Resume

            Negotiators met again on Tuesday.

            Both sides called the meeting useful.

            By Elsa K. Brand

            You May Also Like
            """);

        Assert.Equal("Elsa K. Brand", article.Author);
        Assert.Equal(["Negotiators met again on Tuesday.", "Both sides called the meeting useful."], Paragraphs(article));
    }

    [Theory]
    [InlineData("By Ana de la Cruz and John Smith | March 3, 2025", "Ana de la Cruz and John Smith")]
    [InlineData("By JOHN SMITH, Staff Writer", "JOHN SMITH")]
    [InlineData("Author: Jane Doe", "Jane Doe")]
    [InlineData("By Reuters", "Reuters")]
    [InlineData("**By Jane Doe**", "Jane Doe")]
    [InlineData("Reporting by Jane Doe; Editing by John Roe", "Jane Doe")]
    public void Byline_ReadsTheNameAsWritten(string byline, string author)
    {
        var article = Parse($"{byline}\nNegotiators met again on Tuesday.");

        Assert.Equal(author, article.Author);
    }

    [Theory]
    [InlineData("By October 30, both sides had agreed to extend the truce.")]
    [InlineData("By contrast, the ministry said nothing.")]
    public void SentenceStartingWithBy_IsBodyNotAByline(string line)
    {
        var article = Parse(line);

        Assert.Null(article.Author);
        Assert.Equal([line], Paragraphs(article));
    }

    [Fact]
    public void AuthorBioOpening_GivesAuthor_AndIsNotBody()
    {
        var article = Parse("""
            Priya Venkat is is a second-year doctoral student at the Institute of Maritime Affairs, Kochi, India.

            Negotiation between great powers is an old art.
            """);

        Assert.Equal("Priya Venkat", article.Author);
        Assert.Equal(["Negotiation between great powers is an old art."], Paragraphs(article));
    }

    [Fact]
    public void AuthorBioClosing_GivesAuthor_WhenNoBylineDoes()
    {
        var article = Parse("""
            The case for a fisheries pact

            Fish do not respect maritime borders.

            *Kenji Aoyama is a senior fellow at the Meridian Ocean Institute in Tokyo.*
            """);

        Assert.Equal("Kenji Aoyama", article.Author);
        Assert.Equal(["Fish do not respect maritime borders."], Paragraphs(article));
    }

    [Fact]
    public void ClosingBioOfSomeoneInTheStory_IsBody_NotTheAuthor()
    {
        var article = Parse("""
            “Stocks will collapse,” Hana Kobayashi warned on Monday.

            Hana Kobayashi is a professor of marine biology at Tohoku University.
            """);

        Assert.Null(article.Author);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Theory]
    [InlineData("— Marguerite Aalto")]
    [InlineData("-- Marguerite Aalto, senior fellow")]
    public void SignatureClosingThePiece_GivesAuthor_AndIsNotBody(string signature)
    {
        var article = Parse($"Why the council matters\n\nThe council is not dead.\n\n{signature}");

        Assert.Equal("Marguerite Aalto", article.Author);
        Assert.Equal(["The council is not dead."], Paragraphs(article));
    }

    [Fact]
    public void FrontMatter_AuthorsListAndHeadline_AreRead()
    {
        var article = Parse("""
            ---
            headline: Chipmakers brace for export rules
            authors:
              - Rebecca Lindqvist
              - Tomas Berg
            date: 2026-03-09
            ---
            Semiconductor firms are preparing for new rules.
            """);

        Assert.Equal("Chipmakers brace for export rules", article.Title);
        Assert.Equal("Rebecca Lindqvist and Tomas Berg", article.Author);
    }

    [Fact]
    public void TitleLabelLine_GivesTheTitleWithoutItsLabel()
    {
        var article = Parse("Title: Chipmakers brace for export rules\nAuthor: Rebecca Lindqvist\nDate: March 9, 2026\n\nSemiconductor firms are preparing.");

        Assert.Equal("Chipmakers brace for export rules", article.Title);
        Assert.Equal("Rebecca Lindqvist", article.Author);
        Assert.Equal(new DateOnly(2026, 3, 9), article.Published);
    }

    [Fact]
    public void OpeningAboutSomeoneElse_IsBody_NotABio()
    {
        var article = Parse("""
            The United States is the largest economy in the world.

            Negotiation between great powers is an old art.
            """);

        Assert.Null(article.Author);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void Headline_SkipsFurnitureAndSectionLabel()
    {
        var article = Parse("""
            Old Version
            Business

            A ‘Fragile Calm’?

            Exporters on both sides of the strait hope the truce holds through the winter season and well beyond the spring
            """);

        Assert.Equal("A ‘Fragile Calm’?", article.Title);
        Assert.Equal(["Exporters on both sides of the strait hope the truce holds through the winter season and well beyond the spring"], Paragraphs(article));
    }

    [Fact]
    public void Headline_InMarkdown_LosesItsHashes()
    {
        var article = Parse("# Harbour Talks Resume\n\nNegotiators met again on Tuesday.", "story.md");

        Assert.Equal("Harbour Talks Resume", article.Title);
    }

    [Fact]
    public void ArticleOpeningWithBodyText_HasNoTitle()
    {
        var article = Parse("""
            Negotiators met again on Tuesday, the first meeting in months.
            Why the Talks Matter
            Tariffs cost both sides dearly.
            """);

        Assert.Null(article.Title);
    }

    [Fact]
    public void GenericSectionHeading_IsNotTheTitle()
    {
        var article = Parse("""
            Executive summary
            Negotiators met again on Tuesday, the first meeting in months.
            """);

        Assert.Null(article.Title);
    }

    [Fact]
    public void SectionHeadings_AreNotParagraphs()
    {
        var article = Parse("""
            Negotiators met again on Tuesday.
            De-escalation
            Tariffs were cut by half.
            What happens next?
            Nobody knows.
            ## Conclusion
            The truce holds for now.
            """);

        Assert.Equal(
            ["Negotiators met again on Tuesday.", "Tariffs were cut by half.", "Nobody knows.", "The truce holds for now."],
            Paragraphs(article));
    }

    [Theory]
    [InlineData("Print")]
    [InlineData("Share this:")]
    [InlineData("Tags:Trade;Tariffs;Ports")]
    [InlineData("Disclaimer: The views expressed in the article are personal.")]
    [InlineData("The views in this piece are the author’s alone.")]
    [InlineData("Dock workers unload soybeans at Riverton, October 3, 2025 (Photo by Harbour Daily)")]
    [InlineData("Figure 2. Exports and Imports, 2020-2024")]
    [InlineData("SourceHarbour Statistics, 2025")]
    [InlineData("Source: Harbour Statistics")]
    [InlineData("-")]
    [InlineData("***")]
    [InlineData("![A dock](dock.png)")]
    public void Furniture_IsNeverAParagraph(string furniture)
    {
        var article = Parse($"Negotiators met again on Tuesday.\n{furniture}\nTariffs were cut by half.");

        Assert.Equal(["Negotiators met again on Tuesday.", "Tariffs were cut by half."], Paragraphs(article));
    }

    [Fact]
    public void EverythingAfterLeaveAReply_IsNotTheArticle()
    {
        var article = Parse("""
            Negotiators met again on Tuesday.
            Leave a Reply
            Great article, thanks for writing it.
            """);

        Assert.Equal(["Negotiators met again on Tuesday."], Paragraphs(article));
    }

    [Fact]
    public void BylineOfATeaserAfterYouMayAlsoLike_IsNotTheAuthor()
    {
        var article = Parse("""
            Negotiators met again on Tuesday.
            You May Also Like
            Ports Reopen After Strike
            By Someone Else
            """);

        Assert.Null(article.Author);
    }

    [Fact]
    public void AcknowledgementsSection_IsNotBody()
    {
        var article = Parse("""
            Negotiators met again on Tuesday.
            Acknowledgements and disclosures
            The author thanks Lena Frost for editing.
            """);

        Assert.Equal(["Negotiators met again on Tuesday."], Paragraphs(article));
    }

    [Fact]
    public void Paragraphs_AreNumberedFromOne_AcrossSingleAndBlankLineBreaks()
    {
        var article = Parse("First line.\nSecond line.\n\n\nThird line.");

        Assert.Equal([1, 2, 3], article.Paragraphs.Select(p => p.Number));
        Assert.Equal("Third line.", article.GetParagraph(3).Text);
    }

    [Fact]
    public void Paragraph_KeepsInnerSpacing_ButDropsListBullet()
    {
        var article = Parse("Talks in   Kuala  Lumpur went on.\r\n- Tariffs were cut by half.");

        Assert.Equal(["Talks in   Kuala  Lumpur went on.", "Tariffs were cut by half."], Paragraphs(article));
    }

    [Fact]
    public void SpanishParagraph_IsOrdinaryBody()
    {
        var article = Parse("Talks resumed.\nPara Washington, los objetivos principales se mantienen coherentes.");

        Assert.Equal("Para Washington, los objetivos principales se mantienen coherentes.", article.GetParagraph(2).Text);
    }

    [Fact]
    public void BylineMonthAndDay_TakeTheYearFromTheArticlesOwnDates()
    {
        // The article mostly dates events in 2025, the latest on October 30: January 1 comes after, in 2026.
        var article = Parse("""
            By Tomas Ravel Updated Jan.1
            Ministers met in Riverton on October 30, 2025 (Photo by Harbour Daily)
            The ministers met on October 30. Earlier, on March 2, 2025, talks had stalled.
            The truce runs until November 10, 2026.
            """);

        Assert.Equal(new DateOnly(2026, 1, 1), article.Published);
    }

    [Fact]
    public void BylineMonthAndDay_AfterTheLatestEventOfTheYear_StaysInThatYear()
    {
        var article = Parse("By Tomas Ravel Updated Dec.1\nThe ministers met on October 30, 2025, and again on November 2, 2025.");

        Assert.Equal(new DateOnly(2025, 12, 1), article.Published);
    }

    [Fact]
    public void BylineMonthAndDay_WithNoExplicitDateInTheArticle_LeavesPublishedNull()
    {
        var article = Parse("By Tomas Ravel Updated Jan.1\nThe ministers met on October 30.");

        Assert.Null(article.Published);
    }

    [Theory]
    [InlineData("By Tomas Ravel | March 3, 2025")]
    [InlineData("Published: 3 March 2025")]
    [InlineData("2025-03-03")]
    public void StatedFullDate_IsPublished(string line)
    {
        var article = Parse($"{line}\nThe ministers met on Tuesday.");

        Assert.Equal(new DateOnly(2025, 3, 3), article.Published);
    }

    [Fact]
    public void NewsDateline_GivesPublished()
    {
        var article = Parse("RIVERTON, March 3, 2025 (Harbour Daily) -- The ministers met on Tuesday.");

        Assert.Equal(new DateOnly(2025, 3, 3), article.Published);
    }

    [Fact]
    public void ArticleWithoutMetadata_KeepsEverythingNull()
    {
        var article = Parse("Negotiators met again on Tuesday, the first meeting in months.");

        Assert.Null(article.Title);
        Assert.Null(article.Author);
        Assert.Null(article.Published);
        Assert.Null(article.Url);
    }

    [Fact]
    public void IdAndFile_ComeFromTheRelativePath()
    {
        var article = Parse("Negotiators met.", @"asia\2025\talks.v2.md");

        Assert.Equal("asia/2025/talks.v2", article.Id);
        Assert.Equal("asia/2025/talks.v2.md", article.File);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\r\n ")]
    [InlineData("\uFEFF")]
    public void EmptyText_IsNoArticle_AndSaysWhy(string text)
    {
        Assert.Null(ArticleParser.Parse("empty.txt", text, out var why));
        Assert.Equal("empty", why);
    }

    [Fact]
    public void OnlyFurniture_IsNoArticle_AndSaysWhy()
    {
        Assert.Null(ArticleParser.Parse("menu.txt", "Print\nLeave a Reply", out var why));
        Assert.Equal("no body text", why);
    }
}
