using BriefingBot.Corpus;

namespace BriefingBot.Tests.Corpus;

public class SentenceSplitterTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        // Titles never end a sentence.
        { "Mr. Smith arrived. Dr. Li replied. Gov. Newsom left.", ["Mr. Smith arrived.", "Dr. Li replied.", "Gov. Newsom left."] },
        // Middle initials and leading initials are part of a name.
        { "Donald J. Trump met Xi. They talked.", ["Donald J. Trump met Xi.", "They talked."] },
        { "Coined by C. Fred Bergsten in 2005, it stuck. Few recall why.", ["Coined by C. Fred Bergsten in 2005, it stuck.", "Few recall why."] },
        { "By Anderson W. White. Read on.", ["By Anderson W. White.", "Read on."] },
        // A dotted acronym before a name or a lower-case word continues the sentence...
        { "The U.S. economy grew. China slowed.", ["The U.S. economy grew.", "China slowed."] },
        { "Talks at the U.N. General Assembly ended. Both left.", ["Talks at the U.N. General Assembly ended.", "Both left."] },
        { "A visit to the U.S. “can be useful,” he said.", ["A visit to the U.S. “can be useful,” he said."] },
        // ...and ends it before a typical sentence opener.
        { "He flew back to the U.S. The talks had ended.", ["He flew back to the U.S.", "The talks had ended."] },
        // Months and "No." before a number.
        { "On Jan. 1 the truce began. It held until Oct. 30.", ["On Jan. 1 the truce began.", "It held until Oct. 30."] },
        { "Updated Jan.1", ["Updated Jan.1"] },
        { "It ranked No. 1 in Asia. Then it fell.", ["It ranked No. 1 in Asia.", "Then it fell."] },
        // Latin abbreviations.
        { "Some partners (e.g. Japan) agreed, i.e. most of Asia. Others did not.", ["Some partners (e.g. Japan) agreed, i.e. most of Asia.", "Others did not."] },
        // Decimals and currency.
        { "It cost US$1.5 billion. Prices rose 2.7 percent.", ["It cost US$1.5 billion.", "Prices rose 2.7 percent."] },
        // A sentence that ends inside a closing quote ends after the quote.
        { "He called it “Technology War 2.0.” Rather than contain, he talks.", ["He called it “Technology War 2.0.”", "Rather than contain, he talks."] },
        { "“It is over.” Then he left.", ["“It is over.”", "Then he left."] },
        { "\"It is over.\" Then he left.", ["\"It is over.\"", "Then he left."] },
        // A comma inside a closing quote does not end a sentence.
        { "“China will stand firm,” he said. “Talks go on.”", ["“China will stand firm,” he said.", "“Talks go on.”"] },
        // A missing space after the closing quote still ends the sentence.
        { "than confrontation ”.The administration pushed.", ["than confrontation ”.", "The administration pushed."] },
        // Questions and exclamations; a lower-case continuation is not a new sentence.
        { "Is it over? No. Why? it asked!", ["Is it over?", "No.", "Why? it asked!"] },
        // An ellipsis trails off inside a sentence.
        { "Bullying will be stopped … When we stand... together, it ends.", ["Bullying will be stopped … When we stand... together, it ends."] },
        // Spanish.
        { "Para Washington, los objetivos se mantienen. ¿Habrá acuerdo? Nadie lo sabe.", ["Para Washington, los objetivos se mantienen.", "¿Habrá acuerdo?", "Nadie lo sabe."] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Split_FindsSentenceBoundaries(string paragraph, string[] expected) =>
        Assert.Equal(expected, SentenceSplitter.Split(paragraph).Select(s => paragraph.Substring(s.Start, s.Length)));

    [Fact]
    public void Split_SkipsSurroundingWhitespace()
    {
        var sentences = SentenceSplitter.Split("  One.   Two.  ");

        Assert.Equal([new Sentence(2, 4), new Sentence(9, 4)], sentences);
    }

    [Fact]
    public void Split_BlankText_HasNoSentences() => Assert.Empty(SentenceSplitter.Split("   "));
}
