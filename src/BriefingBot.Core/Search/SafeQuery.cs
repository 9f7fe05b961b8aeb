using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace BriefingBot.Search;

/// <summary>
/// Turns user text into a Lucene query without a query parser: the text is only ever analysed into terms,
/// so quotes, <c>AND OR NOT * ? ~ ^ [ ] { } : \ /</c> and any length of input are plain words, never syntax.
/// Ranking: BM25 over the terms, boosted where adjacent question terms occur near each other (proximity), plus
/// the acronym of a capitalised name ("Belt and Road Initiative" also searches "BRI").
/// </summary>
internal sealed partial class SafeQuery(Analyzer analyzer)
{
    /// <summary>Enough terms for any real question; keeps a 10,000-character paste far below Lucene's clause limit.</summary>
    private const int MaxTerms = 48;
    private const float ProximityBoost = 1.5f;
    private const int ProximitySlop = 3;

    /// <summary>The analysed terms of <paramref name="text"/> in order, distinct, at most <see cref="MaxTerms"/>.</summary>
    public IReadOnlyList<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (terms.Count < MaxTerms && stream.IncrementToken())
        {
            var value = term.ToString();
            if (!terms.Contains(value)) terms.Add(value);
        }
        stream.End();
        return terms;
    }

    /// <summary>A ranking query over <paramref name="fields"/> (field → weight), or null when the text has no searchable word.</summary>
    /// <param name="bonuses">Terms that raise the score of a document the text matches, matching nothing alone.</param>
    public Query? Build(string text, IReadOnlyDictionary<string, float> fields, IReadOnlyList<ProximityQuery.Bonus>? bonuses = null)
    {
        var acronyms = Acronyms(text).ToList();
        var parts = new List<ProximityQuery.FieldTerms>(fields.Count);
        foreach (var (field, weight) in fields)
        {
            var terms = Terms(field, text);
            if (terms.Count + acronyms.Count > 0) parts.Add(new ProximityQuery.FieldTerms(field, weight, terms, acronyms));
        }
        return parts.Count == 0 ? null : new ProximityQuery(parts, ProximityBoost, ProximitySlop, bonuses);
    }

    /// <summary>Initials of runs of three or more capitalised words ("Belt and Road Initiative" → "bri").</summary>
    internal static IEnumerable<string> Acronyms(string text)
    {
        foreach (Match run in CapitalisedRun().Matches(text))
        {
            var initials = string.Concat(run.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(word => char.IsUpper(word[0]))
                .Select(word => char.ToLowerInvariant(word[0])));
            if (initials.Length >= 3) yield return initials;
        }
    }

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:\s+(?:(?:and|of|the|for)\s+)?[A-Z][a-z]+)+")]
    private static partial Regex CapitalisedRun();
}
