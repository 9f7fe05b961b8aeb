using BriefingBot.Quotes;

namespace BriefingBot.Tests.Quotes;

/// <summary>How typed names and questions find the people quoted, across articles (invented people).</summary>
public class PersonDirectoryTests
{
    private static readonly QuotationExtractor Extractor = new();

    private static readonly PersonDirectory Directory = PersonDirectory.Build([
        new Person("Chen Boyuan", ["Bill Chen"]),
        new Person("Zhou Mingyu", []),
        new Person("Zhou Lan", []),
        new Person("Aldo Ferrante", []),
        new Person("Inès Moreau", []),
        new Person("Ministry of Trade", []),
    ]);

    [Fact]
    public void SharedSurnameInTwoArticles_IsNeverMerged()
    {
        var first = Extractor.Extract(TestArticles.FromText(
            "Zhou Mingyu, a researcher at the Eastbridge Institute, reviewed the figures.\n“Both sides gained,” Zhou said.", "article-a"));
        var second = Extractor.Extract(TestArticles.FromText(
            "Zhou Lan, a trade official, reviewed the figures.\n“Nobody gained anything yet,” Zhou said.", "article-b"));

        var directory = PersonDirectory.Build(first.People.Concat(second.People));

        Assert.Equal("Zhou Mingyu", Assert.Single(first.Quotations).Speaker);
        Assert.Equal("Zhou Lan", Assert.Single(second.Quotations).Speaker);
        Assert.Equal(["Zhou Lan", "Zhou Mingyu"], directory.People.Select(p => p.Name));
        Assert.Equal(["Zhou Lan", "Zhou Mingyu"], directory.Resolve("Zhou").Select(p => p.Name));
    }

    [Fact]
    public void PeopleSharingANameAcrossArticles_AreMergedWithAliasesUnited()
    {
        var directory = PersonDirectory.Build([
            new Person("Bill Chen", []),
            new Person("Chen Boyuan", ["Bill Chen"]),
            new Person("Chen Boyuan", ["Boyuan Chen"]),
        ]);

        var person = Assert.Single(directory.People);
        Assert.Equal("Chen Boyuan", person.Name);
        Assert.Equal(["Bill Chen", "Boyuan Chen"], person.Aliases.Order());
    }

    [Fact]
    public void SpeakerOfAnotherArticle_IsCanonicalisedToTheMergedName()
    {
        var directory = PersonDirectory.Build([new Person("Chen Boyuan", ["Bill Chen"]), new Person("Bill Chen", [])]);
        var quotation = new Quotation("We are not enemies", "Bill Chen", QuotationKind.Direct,
            new BriefingBot.Corpus.ArticleRef("b", null, null, null, "b.txt"), 3, 0);

        Assert.Equal("Chen Boyuan", directory.Canonicalize(quotation).Speaker);
    }

    [Theory]
    [InlineData("Chen Boyuan")]
    [InlineData("chen boyuan")]
    [InlineData("Bill Chen")]
    [InlineData("bill chen")]
    [InlineData("BILL CHEN!")]
    [InlineData("Chen Boyuan's")]
    [InlineData("Bill Chen’s")]
    public void Resolve_CanonicalNameOrAlias_IgnoringCasePunctuationAndPossessive(string typed)
    {
        Assert.Equal("Chen Boyuan", Assert.Single(Directory.Resolve(typed)).Name);
    }

    [Fact]
    public void Resolve_IgnoresDiacritics()
    {
        Assert.Equal("Inès Moreau", Assert.Single(Directory.Resolve("Ines Moreau")).Name);
    }

    [Fact]
    public void Resolve_TitlePlusSurname_FindsThePerson()
    {
        Assert.Equal("Aldo Ferrante", Assert.Single(Directory.Resolve("Prime Minister Ferrante")).Name);
    }

    [Theory]
    [InlineData("Rear Admiral Ferrante")]
    [InlineData("Italian Defence Minister Ferrante")]
    [InlineData("Trade Ministry spokesperson Aldo Ferrante")]
    [InlineData("Italy's defence chief Aldo Ferrante")]
    public void Resolve_NameAfterADescription_FindsThePerson(string typed)
    {
        Assert.Equal("Aldo Ferrante", Assert.Single(Directory.Resolve(typed)).Name);
    }

    [Fact]
    public void Resolve_GivenNameBeforeAKnownSurname_IsNotADescription()
    {
        Assert.Empty(Directory.Resolve("Paolo Ferrante"));
    }

    [Fact]
    public void Resolve_SurnameSharedByTwo_ReturnsBoth()
    {
        Assert.Equal(2, Directory.Resolve("zhou").Count);
    }

    [Fact]
    public void Resolve_UnknownName_IsEmpty()
    {
        Assert.Empty(Directory.Resolve("Olga Petrova"));
        Assert.Empty(Directory.Resolve("   "));
    }

    [Fact]
    public void Search_PrefixMatchesComeBeforeContainsMatches()
    {
        var names = Directory.Search("fe").Select(p => p.Name).ToList();

        Assert.Equal("Aldo Ferrante", names[0]);
        Assert.Equal(["Zhou Lan", "Zhou Mingyu"], Directory.Search("zhou").Select(p => p.Name));
        Assert.Equal(Directory.People.Count, Directory.Search("").Count);
    }

    [Fact]
    public void FindIn_QuestionNamingAFullName_FindsThePerson()
    {
        var mention = Directory.FindIn("What did Zhou Mingyu say about the truce?");

        Assert.NotNull(mention);
        Assert.Equal("Zhou Mingyu", mention.Span);
        Assert.Equal("Zhou Mingyu", Assert.Single(mention.People).Name);
    }

    [Fact]
    public void FindIn_QuestionNamingAnAlias_FindsTheCanonicalPerson()
    {
        var mention = Directory.FindIn("what did bill chen argue?");

        Assert.Equal("Chen Boyuan", Assert.Single(mention!.People).Name);
    }

    [Fact]
    public void FindIn_TitleAndSurname_FindsThePerson()
    {
        var mention = Directory.FindIn("How did President Ferrante describe the deal?");

        Assert.Equal("President Ferrante", mention!.Span);
        Assert.Equal("Aldo Ferrante", Assert.Single(mention.People).Name);
    }

    [Fact]
    public void FindIn_SharedSurname_IsAmbiguous()
    {
        var mention = Directory.FindIn("What did Zhou say?");

        Assert.True(mention!.IsAmbiguous);
    }

    [Fact]
    public void FindIn_PersonNeverQuoted_ReportsTheNameWithNoPeople()
    {
        var mention = Directory.FindIn("What did Olga Petrova say?");

        Assert.NotNull(mention);
        Assert.False(mention.IsKnown);
        Assert.Equal("Olga Petrova", mention.Span);
    }

    [Fact]
    public void FindIn_LowercasePersonNeverQuoted_ReportsTheName()
    {
        Assert.Equal("olga petrova", Directory.FindIn("what did olga petrova say")!.Span);
    }

    [Theory]
    [InlineData("Tell me what Zhou Mingyu said about the truce", "Zhou Mingyu", "truce")]
    [InlineData("Has Ferrante commented on tariffs?", "Ferrante", "tariffs")]
    [InlineData("Bill Chen quotes", "Bill Chen", null)]
    [InlineData("Zhou Mingyu", "Zhou Mingyu", null)]
    [InlineData("According to Aldo Ferrante, who pays?", "Aldo Ferrante", "pays")]
    public void FindWordsAskedOf_QuestionAskingForSomebodysWords_NamesThemAndTheTopic(string question, string span, string? topic)
    {
        var asked = Directory.FindWordsAskedOf(question);

        Assert.NotNull(asked);
        Assert.Equal(span, asked.Person.Span);
        Assert.True(asked.Person.IsKnown);
        Assert.Equal(topic, asked.Topic);
    }

    [Theory]
    [InlineData("Where did Zhou Mingyu meet Aldo Ferrante?")]
    [InlineData("Who is Aldo Ferrante?")]
    [InlineData("Tell me about Zhou Mingyu")]
    [InlineData("what are the fees at the ministry of trade")]
    [InlineData("How much did exports fall?")]
    public void FindWordsAskedOf_QuestionAskingForNobodysWords_IsNull(string question)
    {
        Assert.Null(Directory.FindWordsAskedOf(question));
    }

    [Fact]
    public void FindWordsAskedOf_UnknownNameAskedForWords_HasNoPeople()
    {
        var asked = Directory.FindWordsAskedOf("Tell me what Olga Petrova said");

        Assert.Equal("Olga Petrova", asked!.Person.Span);
        Assert.False(asked.Person.IsKnown);
    }

    [Theory]
    [InlineData("What was agreed in Santa Rosa?")]
    [InlineData("How much did the Harbor Initiative pledge?")]
    [InlineData("")]
    public void FindIn_QuestionNotAboutAPerson_IsNull(string question)
    {
        Assert.Null(Directory.FindIn(question));
    }
}
