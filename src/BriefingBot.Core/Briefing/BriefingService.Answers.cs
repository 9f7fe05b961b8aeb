using System.Text.RegularExpressions;
using BriefingBot.Corpus;
using BriefingBot.Quotes;
using BriefingBot.Search;

namespace BriefingBot.Briefing;

// How each kind of question is answered.
public sealed partial class BriefingService
{
    /// <summary>Words that open a phrase that is not a person's name ("what did the report say").</summary>
    private static readonly HashSet<string> NotNameOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "they", "he", "she", "we", "you", "i",
        "his", "her", "their", "our", "my", "your", "someone", "anyone", "everyone", "people", "analysts", "experts",
    };

    /// <summary>A person's quotations, then passages reporting their words; null when <paramref name="name"/> is not a name at all.</summary>
    private Answer? AnswerForSpeaker(IndexSnapshot snapshot, string question, string name, string? topic, int? top)
    {
        var directory = View(snapshot.Catalog).Directory;
        // "What did Trump and Xi say": each of the people named, unless the whole is one name ("Ministry of Trade and Industry").
        var several = directory.PersonFor(name) is null && NameList().IsMatch(name);
        var matches = several
            ? NameList().Split(name).SelectMany(directory.Resolve).Distinct().ToList()
            : directory.Resolve(name);
        if (matches.Count == 0)
            return LooksLikeName(name) ? NeverQuoted(snapshot, question, name, top, topic) : null;

        var names = matches.SelectMany(p => p.Aliases.Prepend(p.Name)).Distinct(StringComparer.OrdinalIgnoreCase);
        var hits = snapshot.QuotationsBy(names, topic);
        var direct = InAnswerOrder(snapshot.Catalog, hits.Where(h => h.Quotation.Kind == QuotationKind.Direct), byScore: topic is not null);
        var reported = InAnswerOrder(snapshot.Catalog, hits.Where(h => h.Quotation.Kind == QuotationKind.Reported), byScore: topic is not null);
        var items = direct.Concat(reported).Select(h => Item(snapshot.Catalog, h.Quotation, h.Score));
        if (top is { } cap) items = items.Take(cap);

        var who = string.Join(" and ", matches.Select(p => p.Name));
        string? note = null;
        if (matches.Count > 1 && !several) note = $"“{name}” could be {who}; showing each.";
        if (direct.Count == 0)
            note = reported.Count == 0
                ? $"The corpus never quotes {who}."
                : $"The corpus never quotes {who} directly; these passages report their words.";
        return new Answer(question, items.ToList(), note);
    }

    /// <summary>A question of another shape that still asks for somebody's words ("Tell me what Xi Jinping said about
    /// the US", "Zhao Minghao"): answered like "what did X say about …"; null when it asks for no one's words.</summary>
    private Answer? AnswerForWordsAsked(IndexSnapshot snapshot, string question, int? top) =>
        View(snapshot.Catalog).Directory.FindWordsAskedOf(question) is not { } asked ? null
        : asked.Person.IsKnown ? AnswerForSpeaker(snapshot, question, asked.Person.Span, asked.Topic, top)
        : NeverQuoted(snapshot, question, asked.Person.Span, top, asked.Topic);

    /// <summary>Someone the corpus never quotes: say so, and show where it mentions them, if anywhere (the passages
    /// about <paramref name="topic"/> first: "What is China's position on the South China Sea?").</summary>
    private Answer NeverQuoted(IndexSnapshot snapshot, string question, string name, int? top, string? topic = null)
    {
        var mentions = snapshot.SearchPhrase(name, top ?? options.DefaultTop, topic).Select(hit => Item(snapshot.Catalog, hit)).ToList();
        var note = mentions.Count == 0
            ? $"The corpus never quotes or mentions {name}."
            : $"The corpus never quotes {name}; these passages mention them.";
        return new Answer(question, mentions, note);
    }

    /// <summary>Quotations matching the claim (their speakers named), then passages to fill up to <paramref name="top"/>.</summary>
    private Answer AnswerWhoSaid(IndexSnapshot snapshot, Question.ForWhoSaid question, int top)
    {
        var claim = question.Claim.Length > 0 ? question.Claim : question.Text;
        var quotes = snapshot.SearchQuotations(claim, top).Select(h => Item(snapshot.Catalog, h.Quotation, h.Score)).ToList();
        return FilledWithPassages(snapshot, question.Text, quotes, top);
    }

    /// <summary>The source sentences of the best-matching milestones, then passages to fill up to <paramref name="top"/>.</summary>
    private Answer AnswerWhen(IndexSnapshot snapshot, Question.ForWhen question, int top)
    {
        var timeline = View(snapshot.Catalog).MilestonesById;
        // Two milestones of one sentence ("October 25 and 26") are one passage.
        var dated = snapshot.SearchMilestones(question.Text, question.AboutDeadline, top)
            .Where(hit => timeline.ContainsKey(hit.Id))
            .Select(hit => (Milestone: timeline[hit.Id], hit.Score))
            .DistinctBy(hit => (hit.Milestone.Article.Id, hit.Milestone.Paragraph, hit.Milestone.Source))
            .Select(hit => new AnswerItem(hit.Milestone.Source, null, CurrentRef(snapshot.Catalog, hit.Milestone.Article), hit.Milestone.Paragraph, Math.Round(hit.Score, 3)))
            .ToList();
        // A dated sentence answers a when-question first, unless it matches the question far worse than the best
        // passage ("When did Gao first raise the idea of …?": the answer's "in 2021" is no milestone); such a weak one
        // competes with the passages on score.
        var passages = snapshot.SearchPassages(question.Text, top).Select(hit => Item(snapshot.Catalog, hit)).ToList();
        var bar = WeakMilestoneShare * (passages.Count > 0 ? passages[0].Score : 0);
        var strong = dated.Where(d => d.Score >= bar).ToList();
        var rest = dated.Where(d => d.Score < bar).Select(d => (Item: d, Dated: true))
            .Concat(passages.Select(p => (Item: p, Dated: false)))
            .OrderByDescending(x => x.Item.Score);
        var items = new List<AnswerItem>(strong);
        var covered = strong.Select(d => (d.Article.Id, d.Paragraph)).ToHashSet();
        foreach (var (item, isDated) in rest)
            if ((isDated || !covered.Contains((item.Article.Id, item.Paragraph))) && items.Count < top)
            {
                items.Add(item);
                covered.Add((item.Article.Id, item.Paragraph));
            }
        return new Answer(question.Text, items.Take(top).ToList(), items.Count == 0 ? NothingFound : null);
    }

    /// <summary>Below this share of the best passage's score a milestone no longer comes first in a when-answer.</summary>
    private const double WeakMilestoneShare = 0.4;

    /// <summary><paramref name="first"/>, then the best passages from other paragraphs, <paramref name="top"/> in all.</summary>
    private Answer FilledWithPassages(IndexSnapshot snapshot, string question, IReadOnlyList<AnswerItem> first, int top)
    {
        var covered = first.Select(item => (item.Article.Id, item.Paragraph)).ToHashSet();
        var passages = snapshot.SearchPassages(question, top)
            .Where(p => !covered.Contains((p.ArticleId, p.Paragraph)))
            .Select(hit => Item(snapshot.Catalog, hit));
        var items = first.Concat(passages).Take(top).ToList();
        return new Answer(question, items, items.Count == 0 ? NothingFound : null);
    }

    private Answer AnswerWithPassages(IndexSnapshot snapshot, string question, int? top)
    {
        var items = snapshot.SearchPassages(question, top ?? options.DefaultTop).Select(hit => Item(snapshot.Catalog, hit)).ToList();
        return new Answer(question, items, items.Count == 0 ? NothingFound : null);
    }

    [GeneratedRegex(@"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")]
    private static partial Regex NameList();

    private const string NothingFound = "Nothing in the corpus matches that question.";

    private static bool LooksLikeName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "He Lifeng": a capitalised opener followed by capitalised words is a surname, not the pronoun.
        var surnameOpener = words.Length >= 2 && words.All(w => char.IsUpper(w[0])) && Lexicon.PersonalPronouns.Contains(words[0].ToLowerInvariant());
        // Typed with capitals, every word of a name has one but for particles ("Ursula von der Leyen"): "Okafor first" is no name.
        var typedLowercase = !text.Any(char.IsUpper);
        return words.Length is >= 1 and <= 4
            && (!NotNameOpeners.Contains(words[0]) || surnameOpener)
            && words.All(w => char.IsLetter(w[0]) && !w.Any(char.IsDigit)
                && (typedLowercase || char.IsUpper(w[0]) || Lexicon.Particles.Contains(w)));
    }

    /// <summary>Reading order within an article; newer articles first. With a topic, the most relevant first.</summary>
    private static List<QuotationHit> InAnswerOrder(IndexCatalog catalog, IEnumerable<QuotationHit> hits, bool byScore)
    {
        var articles = catalog.Articles;
        var ordered = hits
            .OrderByDescending(h => articles.TryGetValue(h.Quotation.Article.Id, out var a) ? a.Ref.Published ?? DateOnly.MinValue : DateOnly.MinValue)
            .ThenBy(h => h.Quotation.Article.Id, StringComparer.Ordinal)
            .ThenBy(h => h.Quotation.Order);
        return byScore ? ordered.OrderByDescending(h => Math.Round(h.Score, 3)).ToList() : ordered.ToList();
    }

    private static AnswerItem Item(IndexCatalog catalog, Quotation quotation, double score) => new(
        quotation.Text,
        quotation.Kind == QuotationKind.Direct ? quotation.Speaker : null,
        CurrentRef(catalog, quotation.Article),
        quotation.Paragraph,
        Math.Round(score, 3));

    private static AnswerItem Item(IndexCatalog catalog, PassageHit hit) => new(
        hit.Text,
        Speaker: null,
        catalog.Articles.TryGetValue(hit.ArticleId, out var article)
            ? article.Ref
            : new ArticleRef(hit.ArticleId, null, null, null, hit.ArticleId),
        hit.Paragraph,
        Math.Round(hit.Score, 3));

    private static ArticleRef CurrentRef(IndexCatalog catalog, ArticleRef stored) =>
        catalog.Articles.TryGetValue(stored.Id, out var article) ? article.Ref : stored;
}
