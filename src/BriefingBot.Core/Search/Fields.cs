using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace BriefingBot.Search;

/// <summary>The index's schema: one place that knows every field name and how each is analysed.</summary>
internal static class Fields
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Document type: one of the <c>Type*</c> constants.</summary>
    public const string Type = "type";
    public const string TypeMilestone = "milestone";
    public const string TypePassage = "passage";
    public const string TypeQuotation = "quotation";

    /// <summary>Stemmed English body text of passages and quotations.</summary>
    public const string Body = "body";

    /// <summary>The sentence around a quotation: lets "who called the meeting a turning point" find “turning point”.</summary>
    public const string Context = "context";

    /// <summary>Canonical speaker name, exact (not analysed).</summary>
    public const string Speaker = "speaker";

    public const string ArticleId = "article";
    public const string Id = "id";
    public const string Paragraph = "paragraph";
    public const string Order = "order";
    public const string Kind = "kind";

    /// <summary>Verbatim text, stored only.</summary>
    public const string Text = "text";

    /// <summary>A quotation record as JSON, stored only.</summary>
    public const string Json = "json";

    /// <summary>
    /// Words that carry no meaning in a question: Lucene's English stop words plus question and reporting words,
    /// so "What did China agree to?" searches for what China agreed to.
    /// </summary>
    private static readonly string[] QuestionWords =
    [
        "what", "who", "whom", "whose", "which", "when", "where", "why", "how", "did", "does", "do", "done",
        "has", "have", "had", "was", "were", "is", "are", "be", "been", "can", "could", "would", "should",
        "much", "many", "about", "any", "some", "me", "tell", "i", "you", "we", "our", "its",
    ];

    public static CharArraySet StopWords { get; } = BuildStopWords();

    public static Analyzer CreateAnalyzer() =>
        new PerFieldAnalyzerWrapper(
            new EnglishText(),
            new Dictionary<string, Analyzer> { [Speaker] = new KeywordAnalyzer() });

    /// <summary>
    /// Lucene's <see cref="EnglishAnalyzer"/> chain (standard tokens, possessives dropped, lower case, stop words,
    /// Porter stems) with irregular verb forms made regular first, so "met" meets "meet". Its StandardFilter is left
    /// out: since Lucene 3.1 it hands every token on unchanged, one more call per token of every document.
    /// </summary>
    private sealed class EnglishText : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new EnglishPossessiveFilter(Version, source);
            result = new LowerCaseFilter(Version, result);
            result = new IrregularFormFilter(result);
            result = new StopFilter(Version, result, StopWords);
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }
    }

    private static CharArraySet BuildStopWords()
    {
        // Case-sensitive: the filter sees lower-cased tokens, and an ignore-case set lower-cases every token again to look it up.
        var set = new CharArraySet(Version, StandardAnalyzer.STOP_WORDS_SET.Count + QuestionWords.Length, ignoreCase: false);
        foreach (var word in StandardAnalyzer.STOP_WORDS_SET) set.Add(word);
        foreach (var word in QuestionWords) set.Add(word);
        return set.AsReadOnly();
    }
}
