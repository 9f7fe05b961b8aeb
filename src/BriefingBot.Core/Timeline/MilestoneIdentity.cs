using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BriefingBot.Timeline;

/// <summary>
/// When two milestones are the same: by id (same article, same source sentence, same date), as the same event
/// (for a reindex to tell "moved" from "new"), or as similar enough to be the same deadline across articles.
/// </summary>
public static class MilestoneIdentity
{
    /// <summary>Source sentences at least this similar (Jaccard, over their words) are one sentence, edited.</summary>
    private const double SameSourceSimilarity = 0.8;

    /// <summary>Words match on this many leading letters, after a plural "s" is dropped ("suspended" and
    /// "suspension", "truce" and "truces").</summary>
    private const int StemLength = 6;

    /// <summary>
    /// The stable id of a milestone: the first 12 hex digits of the SHA-256 of its article id, its source sentence
    /// (whitespace collapsed, lower case) and its date with precision. Reindexing an unchanged article gives the same
    /// ids; moving the date gives a new one.
    /// </summary>
    public static string IdOf(string articleId, string source, DateOnly date, DatePrecision precision)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        ArgumentNullException.ThrowIfNull(source);
        return IdOfNormalised(articleId, Normalise(source), date, precision);
    }

    /// <summary><see cref="IdOf"/> for a source already through <see cref="Normalise"/> (once per sentence, not per date).</summary>
    internal static string IdOfNormalised(string articleId, string normalisedSource, DateOnly date, DatePrecision precision)
    {
        var key = string.Join('\n', articleId, normalisedSource, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), precision.ToString());
        // 12 hex digits are the first 6 bytes: only those are written out.
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 6);
    }

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> are the same event of the same article, whatever their
    /// dates: the same label, or source sentences that differ only by an edit (a moved date, a reworded word).
    /// A reindex pairs an old and a new milestone this way to report the new one as moved rather than added.
    /// </summary>
    public static bool IsSameEvent(Milestone a, Milestone b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Article.Id != b.Article.Id)
            return false;
        if (string.Equals(Normalise(a.Label), Normalise(b.Label), StringComparison.Ordinal))
            return true;
        var (wordsA, wordsB) = (Words(a.Source), Words(b.Source));
        var union = wordsA.Union(wordsB).Count();
        return union > 0 && (double)wordsA.Intersect(wordsB).Count() / union >= SameSourceSimilarity;
    }

    /// <summary>
    /// True when two labels, given by their <see cref="LabelStems"/>, name the same thing: at least two content words in
    /// common (matched on their first letters, so "suspended" meets "suspension"), covering at least half of the
    /// shorter label's content words.
    /// </summary>
    internal static bool AreSimilarLabels(IReadOnlySet<string> stemsA, IReadOnlySet<string> stemsB)
    {
        if (stemsA.Count == 0 || stemsB.Count == 0)
            return false;
        var shared = 0;
        foreach (var stem in stemsA)
            if (stemsB.Contains(stem))
                shared++;
        return shared >= 2 && shared * 2 >= Math.Min(stemsA.Count, stemsB.Count);
    }

    /// <summary>The stems of a label's content words, what <see cref="AreSimilarLabels"/> compares.</summary>
    internal static HashSet<string> LabelStems(string label)
    {
        var text = new SentenceText(label);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in text.Words)
        {
            var lower = text.LowerOf(word);
            // Words of running out ("expires", "ends") say what kind of date it is, not what it is about.
            if ((ClauseCues.CuesOf(lower) & (WordCues.Content | WordCues.Deadline)) == WordCues.Content)
                stems.Add(Stem(lower));
        }

        return stems;
    }

    private static string Stem(ReadOnlySpan<char> word)
    {
        var singular = word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
        return (singular.Length > StemLength ? singular[..StemLength] : singular).ToString();
    }

    private static HashSet<string> Words(string text)
    {
        var sentence = new SentenceText(text);
        return sentence.Words.Select(w => sentence.LowerOf(w).ToString()).ToHashSet();
    }

    /// <summary>Lower case, runs of whitespace as one space, trimmed.</summary>
    internal static string Normalise(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
                result.Append(' ');
            result.Append(char.ToLowerInvariant(c));
            pendingSpace = false;
        }

        return result.ToString();
    }
}
