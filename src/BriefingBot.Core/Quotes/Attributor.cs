using System.Text.RegularExpressions;
using BriefingBot.Corpus;

namespace BriefingBot.Quotes;

/// <summary>
/// Finds who speaks: the subject of the say-verb that introduces a quote ("Kenneth Waltz argues that “…”", "As X
/// (2011) cautioned, “…”") or follows it ("“…,” Wu added", "“…,” said X, a senior fellow"), the source of "According
/// to X, …", and the speaker of a sentence that reports someone's words ("Da said that …").
/// A subject is only ever a named person or organisation of the article, or "he"/"she" standing for the last person
/// named; anything else ("analysts", "a Chinese narrator", "China") leaves the speaker unknown.
/// </summary>
internal sealed partial class Attributor(ArticleReading article)
{
    private const int MaxWordsToSayVerb = 40;
    private const int MaxWordsToQuote = 4;
    private const int MaxDescriptionWords = 3;

    private enum SubjectKind
    {
        /// <summary>A named speaker (or a pronoun resolved to one).</summary>
        Found,

        /// <summary>Somebody else or something unnamed is the subject: stop looking.</summary>
        Blocked,

        /// <summary>"… to assure": the verb has no subject of its own.</summary>
        Infinitive,

        /// <summary>"… was asked": the subject is spoken to, not speaking.</summary>
        Passive,

        /// <summary>A common noun stands before the verb.</summary>
        Noun,

        /// <summary>Nothing stands before the verb in the sentence.</summary>
        None,
    }

    private readonly record struct Subject(SubjectKind Kind, Speaker? Speaker = null, int Word = -1, bool Modal = false);

    /// <summary>The speaker of a quote found in its own sentence, or null.</summary>
    public Speaker? Attribute(ParagraphLayout p, QuoteSpan quote, TextRange sentence, out bool namedAfter)
    {
        namedAfter = false;
        if (p.IsOnlyQuotes(new TextRange(sentence.Start, quote.Open)) && After(p, quote) is { } after)
        {
            namedAfter = true;
            return after;
        }
        // Loops rather than LINQ here and in SegmentEndAfter: they run for every quote of the corpus.
        var segmentStart = sentence.Start;
        for (var i = 0; i < p.Quotes.Count; i++)
            if (p.Quotes[i].End <= quote.Open && p.Quotes[i].End > sentence.Start)
                segmentStart = Math.Max(segmentStart, p.Quotes[i].End);
        return Before(p, sentence, segmentStart, quote.Open, quote.Open, Lexicon.SpeechVerbs, reported: false)
            ?? According(p, sentence);
    }

    /// <summary>The speaker whose words a sentence reports without quoting them ("According to X, …", "X argued that …").</summary>
    public Speaker? Reported(ParagraphLayout p, TextRange sentence)
    {
        if (p.IsQuoted(FirstNonSpace(p.Text, sentence.Start)))
            return null;
        return According(p, sentence) ?? Before(p, sentence, sentence.Start, sentence.End, null, Lexicon.ReportingVerbs, reported: true);
    }

    /// <summary>The speaker introduced at the end of a paragraph that leads into a block quote ("Bader urged …:").</summary>
    public Speaker? Introducing(ParagraphLayout p)
    {
        if (p.Sentences.Count == 0 || !p.Text.TrimEnd().EndsWith(':'))
            return null;
        var last = p.Sentences[^1];
        return Before(p, last, last.Start, last.End, null, Lexicon.SpeechVerbs, reported: false);
    }

    /// <summary>True when the words between two positions hold a say-verb or a named speaker.</summary>
    public bool NamesSomeone(ParagraphLayout p, TextRange range)
    {
        var (from, to) = p.WordsIn(range);
        for (var k = from; k < to; k++)
            if (IsVerb(p.Words[k], Lexicon.SpeechVerbs) || (article.StartingAt(p, k) is { } m && article.Speakers.Resolve(m) is not null))
                return true;
        return false;
    }

    /// <summary>True when the words between two positions name a speaker other than <paramref name="speaker"/>.</summary>
    public bool NamesSomeoneElse(ParagraphLayout p, TextRange range, Speaker speaker)
    {
        var (from, to) = p.WordsIn(range);
        for (var k = from; k < to; k++)
            if (article.StartingAt(p, k) is { } m && article.Speakers.Resolve(m) is { } named && named != speaker)
                return true;
        return false;
    }

    /// <summary>"“…,” Wu added" / "“…,” said X, …": the speaker named right after a quote that opens its sentence.</summary>
    private Speaker? After(ParagraphLayout p, QuoteSpan quote)
    {
        var end = SegmentEndAfter(p, quote);
        var position = quote.End;
        var dashed = false;
        while (position < end && (char.IsWhiteSpace(p.Text[position]) || ",;:—–-*_".Contains(p.Text[position])))
            dashed |= p.Text[position++] is '—' or '–' or '-';
        var step = p.StepRight(position);
        if (step.Word < 0 || p.Words[step.Word].Start >= end)
            return null;
        var first = step.Word;
        if (IsVerb(p.Words[first], Lexicon.SpeechVerbs))
            return SubjectAfterVerb(p, first);
        // "“…” — Wu Xinbo": a name alone after a dash signs the quote.
        if (dashed && article.StartingAt(p, first) is { Possessive: false } signed
            && p.StepRight(p.Words[signed.LastWord].End) is var next && (next.Word < 0 || p.Words[next.Word].Start >= end))
            return article.Speakers.Resolve(signed);
        var (_, to) = p.WordsIn(new TextRange(position, end));
        for (var k = first; k < Math.Min(to, first + MaxWordsToSayVerb); k++)
        {
            if (!IsVerb(p.Words[k], Lexicon.SpeechVerbs))
                continue;
            if (p.Words[k].LowerEndsWith("ing"))
                return SubjectAt(p, first); // "“…,” Lin was quoted as saying"
            var subject = SubjectLeftOf(p, k, quote.End);
            return subject.Kind == SubjectKind.Found && OpensSegment(p, first, subject.Word) ? subject.Speaker : null;
        }
        return null;
    }

    /// <summary>"said Wu Xinbo, a senior fellow", "added the ministry", "said he".</summary>
    private Speaker? SubjectAfterVerb(ParagraphLayout p, int verb)
    {
        var step = p.StepRight(p.Words[verb].End);
        return step.Word < 0 ? null : SubjectAt(p, step.Word);
    }

    /// <summary>The named speaker (or "he"/"she") that word <paramref name="k"/> opens, past a leading "the".</summary>
    private Speaker? SubjectAt(ParagraphLayout p, int k)
    {
        if (p.Words[k].Is("the") && k + 1 < p.Words.Count)
            k++;
        if (p.Words[k].LowerIsIn(Lexicon.PersonalPronouns))
            return article.Speakers.PersonBefore(ArticleReading.Position(p, p.Words[k].Start));
        return article.StartingAt(p, NameAfterDescription(p, k)) is { Possessive: false } m ? article.Speakers.Resolve(m) : null;
    }

    /// <summary>"said village chief Oumar Sangaré", "said former finance minister X": where the name starts after the
    /// lowercase words that describe its bearer and end in a role noun; <paramref name="k"/> when there are none.</summary>
    private int NameAfterDescription(ParagraphLayout p, int k)
    {
        for (var j = k + 1; j < p.Words.Count && j - k <= MaxDescriptionWords; j++)
        {
            if (p.Words[j - 1].IsCapitalised || !p.IsBlankBetween(j - 1, j))
                return k;
            if (p.Words[j - 1].LowerIsIn(Lexicon.RoleNouns) && article.StartingAt(p, j) is not null)
                return j;
        }
        return k;
    }

    /// <summary>
    /// Looks right to left through [<paramref name="start"/>, <paramref name="end"/>) of a sentence for the say-verb
    /// whose subject is a named speaker.
    /// </summary>
    /// <param name="quoteOpen">Where the quote being attributed opens (null when attributing a sentence).</param>
    /// <param name="reported">Attributing a sentence's reported speech: modals ("could say") and verbs that
    /// merely introduce a direct quote do not count.</param>
    private Speaker? Before(ParagraphLayout p, TextRange sentence, int start, int end, int? quoteOpen, WordSet verbs, bool reported)
    {
        var (from, to) = p.WordsIn(new TextRange(start, end));
        var detached = false;
        for (var k = to - 1; k >= from; k--)
        {
            if (!IsVerb(p.Words[k], verbs))
                continue;
            if (reported && IntroducesClosingQuote(p, k, sentence))
                return null;
            if (p.Words[k].LowerEndsWith("ing"))
            {
                // "…, adding that": the participle belongs to the sentence's subject; "Liu He … stating that": to its
                // clause's; "Economy's warning", "a warning": it is a noun.
                if (IsNoun(p, k))
                    continue;
                if (IsDetached(p, k, sentence))
                    detached = true;
                else if (FirstSpeakerInClause(p, k, sentence) is { } speaker)
                    return speaker;
                continue;
            }
            var subject = SubjectLeftOf(p, k, sentence.Start);
            switch (subject.Kind)
            {
                case SubjectKind.Found:
                    return reported && subject.Modal ? null : subject.Speaker;
                case SubjectKind.Blocked:
                    return null;
                case SubjectKind.Noun:
                    // "… when former Premier Li Keqiang, was asked about …, had stated that “…”": a garbled sentence
                    // whose say-verb still introduces the quote; its speaker is the person the sentence named.
                    if (!reported && quoteOpen is { } open && Introduces(p, k, open) && !LooksLikeOtherSubject(p, subject.Word))
                        return NearestPersonBefore(p, k, sentence.Start);
                    // "Wang wrote that observer states such as China “…”": a bare noun before an -s form makes a
                    // compound noun ("observer states", "policy notes"), not a subject and its verb: read on leftwards.
                    if (IsCompoundNoun(p, subject.Word, k))
                        continue;
                    return null;
                default:
                    continue;
            }
        }
        return detached ? MainSubject(p, sentence, end) : null;
    }

    private Subject SubjectLeftOf(ParagraphLayout p, int verb, int lowerBound)
    {
        // Each word walked over is lowercased here, in place: this runs for every say-verb of the corpus.
        Span<char> lowered = stackalloc char[Word.LowerOnStack];
        var position = p.Words[verb].Start;
        var modal = false;
        var adjacent = true;
        while (true)
        {
            var step = p.StepLeft(position);
            if (step.At <= lowerBound)
                return new Subject(SubjectKind.None);
            if (step.Word < 0 && step.Mark == ',' && ParentheticalBefore(p, step.At - 1) is { } parenthetical)
            {
                position = parenthetical; // "Wu, however, said"
                continue;
            }
            if (step.Word < 0)
                return step.Mark == ',' ? Appositive(p, step.At - 1, lowerBound, modal) : new Subject(SubjectKind.None);
            var w = p.Words[step.Word];
            if (w.Start < lowerBound)
                return new Subject(SubjectKind.None);
            if (article.EndingAt(p, step.Word) is { } mention)
            {
                mention = PersonOf(p, mention) ?? mention;
                var named = mention.Possessive ? null : article.Speakers.Resolve(mention);
                return named is null ? new Subject(SubjectKind.Blocked) : new Subject(SubjectKind.Found, named, mention.LeadWord, modal);
            }
            var lower = w.LowerInto(lowered);
            if (Lexicon.PersonalPronouns.Contains(lower))
            {
                var person = article.Speakers.PersonBefore(ArticleReading.Position(p, w.Start));
                return person is null ? new Subject(SubjectKind.Blocked) : new Subject(SubjectKind.Found, person, step.Word, modal);
            }
            // "… the secretary-general, Ingrid Solvang, who conceded that “…”": "who" stands for the name before it.
            if (lower is "who" && NameBeforeComma(p, w.Start, lowerBound) is { } antecedent)
                return new Subject(SubjectKind.Found, antecedent, step.Word, modal);
            if (Lexicon.OtherSubjects.Contains(lower) || w.IsCapitalised)
                return new Subject(SubjectKind.Blocked);
            if (lower is "to")
                return new Subject(SubjectKind.Infinitive);
            if (adjacent && Lexicon.PassiveAuxiliaries.Contains(lower) && IsParticiple(p.Words[verb]))
                return new Subject(SubjectKind.Passive);
            if (Lexicon.Auxiliaries.Contains(lower) || NameFinder.IsAdverb(w))
            {
                modal |= Lexicon.Modals.Contains(lower);
                position = w.Start;
                adjacent = false;
                continue;
            }
            return new Subject(SubjectKind.Noun, Word: step.Word, Modal: modal);
        }
    }

    /// <summary>The named speaker right before the comma that precedes <paramref name="position"/>, or null.</summary>
    private Speaker? NameBeforeComma(ParagraphLayout p, int position, int lowerBound)
    {
        var comma = p.StepLeft(position);
        if (comma.Word >= 0 || comma.Mark != ',')
            return null;
        var before = p.StepLeft(comma.At - 1);
        return before.Word >= 0 && p.Words[before.Word].Start >= lowerBound
            && article.EndingAt(p, before.Word) is { Possessive: false } m && article.Speakers.Resolve(m) is { IsOrganisation: false } person
            ? person
            : null;
    }

    /// <summary>Where ", however," (an adverb set off by commas) ending at <paramref name="comma"/> begins, or null.</summary>
    private static int? ParentheticalBefore(ParagraphLayout p, int comma)
    {
        var word = p.StepLeft(comma);
        if (word.Word < 0 || !(Lexicon.Auxiliaries.Contains(p.Words[word.Word].Span) || NameFinder.IsAdverb(p.Words[word.Word])))
            return null;
        var before = p.StepLeft(p.Words[word.Word].Start);
        return before.Word < 0 && before.Mark == ',' ? before.At - 1 : null;
    }

    /// <summary>"Elizabeth Economy of the Hoover Institution told": the person an organisation is named after, or null.</summary>
    private Mention? PersonOf(ParagraphLayout p, Mention organisation)
    {
        if (organisation.Kind != MentionKind.Organisation)
            return null;
        var k = organisation.LeadWord - 1;
        if (k >= 0 && p.Words[k].Is("the"))
            k--;
        if (k < 1 || p.Words[k].Lower is not ("of" or "at" or "from" or "with"))
            return null;
        return article.EndingAt(p, k - 1) is { Kind: not MentionKind.Organisation, Possessive: false } person ? person : null;
    }

    /// <summary>"Wu Xinbo, a professor at …, told": the named speaker whose appositive ends at the comma.</summary>
    private Subject Appositive(ParagraphLayout p, int comma, int lowerBound, bool modal)
    {
        Mention? head = null;
        foreach (var m in article.Mentions[p.Index])
        {
            if (m.End > comma || m.Start < lowerBound || m.Possessive)
                continue;
            var between = p.Text.AsSpan(m.End, comma - m.End);
            if (NameFinder.IsAppositive(p.Text, m.End) && between.IndexOfAny(";:“”\"") < 0)
                head = m;
        }
        // "The ministry’s chief spokesman, Lin Jian, said": the name itself set off by commas.
        if (head is null && p.StepLeft(comma) is { Word: >= 0 } before && article.EndingAt(p, before.Word) is { Possessive: false } named
            && named.Start >= lowerBound && p.StepLeft(p.Words[named.LeadWord].Start).Mark == ',')
            head = named;
        var speaker = head is null ? null : article.Speakers.Resolve(head);
        return speaker is null ? new Subject(SubjectKind.Blocked) : new Subject(SubjectKind.Found, speaker, head!.LeadWord, modal);
    }

    /// <summary>"According to X, …" / "…, according to X.": X.</summary>
    private Speaker? According(ParagraphLayout p, TextRange sentence)
    {
        var (from, to) = p.WordsIn(sentence);
        for (var k = from; k + 2 < to; k++)
        {
            if (!p.Words[k].Is("according") || !p.Words[k + 1].Is("to"))
                continue;
            var j = k + 2;
            while (j < to && (p.Words[j].Is("the") || p.Words[j].IsPossessive))
                j++;
            if (j < to && article.StartingAt(p, j) is { Possessive: false } m)
                return article.Speakers.Resolve(m);
        }
        return null;
    }

    /// <summary>A participle with no subject of its own: it opens the sentence or follows a comma ("…, adding that").</summary>
    private static bool IsDetached(ParagraphLayout p, int k, TextRange sentence)
    {
        var position = p.Words[k].Start;
        while (true)
        {
            var step = p.StepLeft(position);
            if (step.At <= sentence.Start)
                return true;
            if (step.Word < 0)
                return step.Mark == ',';
            if (!p.Words[step.Word].LowerIsIn(Lexicon.ParticipleLeads))
                return false;
            position = p.Words[step.Word].Start;
        }
    }

    /// <summary>The first named speaker of the clause (since the last comma) that holds word <paramref name="k"/>.</summary>
    private Speaker? FirstSpeakerInClause(ParagraphLayout p, int k, TextRange sentence)
    {
        var clauseStart = sentence.Start;
        for (var i = p.Words[k].Start - 1; i > sentence.Start; i--)
        {
            if (p.Text[i] is ',' or ';' or ':' && !p.IsQuoted(i))
            {
                clauseStart = i + 1;
                break;
            }
        }
        foreach (var m in article.Mentions[p.Index])
            if (m.Start >= clauseStart && m.LastWord < k && article.Speakers.Resolve(m) is { } speaker)
                return speaker;
        return null;
    }

    /// <summary>The subject that opens the sentence, after an introductory phrase if there is one.</summary>
    private Speaker? MainSubject(ParagraphLayout p, TextRange sentence, int limit)
    {
        var start = sentence.Start;
        var first = p.StepRight(start);
        if (first.Word < 0)
            return null;
        var opener = p.Words[first.Word];
        if ((Lexicon.LeadingStopWords.Contains(opener.Span) && !opener.Is("the"))
            || (opener.IsCapitalised && (opener.LowerEndsWith("ing") || opener.LowerEndsWith("ed"))))
        {
            var comma = -1;
            for (var i = opener.End; i < limit; i++)
            {
                if (p.Text[i] == ',' && !p.IsQuoted(i))
                {
                    comma = i;
                    break;
                }
            }
            if (comma < 0)
                return null;
            start = comma + 1;
        }
        var step = p.StepRight(start);
        if (step.Word < 0)
            return null;
        var k = step.Word;
        if (p.Words[k].Is("the") && k + 1 < p.Words.Count)
            k++;
        if (p.Words[k].LowerIsIn(Lexicon.PersonalPronouns))
            return article.Speakers.PersonBefore(ArticleReading.Position(p, p.Words[k].Start));
        return article.StartingAt(p, k) is { Possessive: false } m && m.End <= limit ? article.Speakers.Resolve(m) : null;
    }

    private Speaker? NearestPersonBefore(ParagraphLayout p, int k, int sentenceStart)
    {
        Speaker? nearest = null;
        foreach (var m in article.Mentions[p.Index])
            if (m.Start >= sentenceStart && m.LastWord < k && article.Speakers.Resolve(m) is { IsOrganisation: false, Confirmed: true } s)
                nearest = s;
        return nearest;
    }

    /// <summary>The subject found right after a quote is where the words after the quote begin ("“…,” the
    /// Foreign Ministry said", not "“…” reflects, as Wu said, …").</summary>
    private static bool OpensSegment(ParagraphLayout p, int first, int subjectWord)
    {
        if (subjectWord < first || subjectWord - first > MaxDescriptionWords)
            return false;
        // "“…,” union leader Marco Bellini told reporters": lowercase words may describe the speaker when a role
        // noun ends them.
        var described = subjectWord > first && Lexicon.RoleNouns.Contains(p.Words[subjectWord - 1].Span);
        for (var k = first; k < subjectWord; k++)
            if (!(p.Words[k].IsCapitalised || Lexicon.RoleNouns.Contains(p.Words[k].Span) || Lexicon.Particles.Contains(p.Words[k].Span)
                  || p.Words[k].Lower is "the" or "a" or "an" || (described && !IsVerb(p.Words[k], Lexicon.SpeechVerbs))))
                return false;
        return true;
    }

    /// <summary>Where the attribution after a quote may stand: up to the next quote, within the quote's sentence or,
    /// when the quote ends its sentence ("“Done.” Wu said."), the next one.</summary>
    private static int SegmentEndAfter(ParagraphLayout p, QuoteSpan quote)
    {
        var nextQuote = p.Text.Length;
        for (var i = 0; i < p.Quotes.Count; i++)
            if (p.Quotes[i].Open >= quote.End)
                nextQuote = Math.Min(nextQuote, p.Quotes[i].Open);
        return Math.Min(nextQuote, Math.Max(p.SentenceAt(quote.End).End, quote.End));
    }

    /// <summary>The verb leads straight into the quote: "stated that “", "said, “", "wrote: “".</summary>
    private static bool Introduces(ParagraphLayout p, int verb, int quoteOpen) =>
        quoteOpen >= p.Words[verb].End && IntroductionGap().IsMatch(p.Text[p.Words[verb].End..quoteOpen]);

    /// <summary>The verb leads, within a few words ("stated in this regard that, “"), into a quote that closes the
    /// sentence: the sentence is direct speech, not reported speech.</summary>
    private static bool IntroducesClosingQuote(ParagraphLayout p, int verb, TextRange sentence)
    {
        var quote = p.Quotes.FirstOrDefault(q => q.Open >= p.Words[verb].End && q.Open < sentence.End);
        if (quote.End <= quote.Open)
            return false;
        var (from, to) = p.WordsIn(new TextRange(p.Words[verb].End, quote.Open));
        if (to - from > MaxWordsToQuote || Enumerable.Range(from, to - from).Any(k => p.Words[k].IsCapitalised))
            return false;
        return p.Text[Math.Min(quote.End, sentence.End)..sentence.End].All(c => !char.IsLetterOrDigit(c));
    }

    /// <summary>A plural or determined noun ("officials", "the ministry") is a subject of its own, not a stray word.</summary>
    private static bool LooksLikeOtherSubject(ParagraphLayout p, int word)
    {
        var lower = p.Words[word].Lower;
        if (lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal) && !lower.EndsWith("us", StringComparison.Ordinal) && !lower.EndsWith("is", StringComparison.Ordinal))
            return true;
        return word > 0 && p.Words[word - 1].Lower is "the" or "a" or "an" or "this" or "that" or "his" or "her" or "its" or "their" or "our" or "my" or "your";
    }

    /// <summary>"(that) observer states", "policy notes": a bare singular noun right before an -s word that could be a
    /// verb. With a determiner ("the minister states") the noun is a subject; "that" there is a conjunction.</summary>
    private static bool IsCompoundNoun(ParagraphLayout p, int noun, int verb)
    {
        var lower = p.Words[noun].Lower;
        return noun == verb - 1 && p.Words[verb].Lower.EndsWith('s') && !lower.EndsWith('s')
            && !(noun > 0 && p.Words[noun - 1].Lower is "the" or "a" or "an" or "this" or "his" or "her" or "its" or "their" or "our" or "my" or "your");
    }

    /// <summary>An -ing word after a possessive or a determiner is a noun ("Economy's warning", "a warning").</summary>
    private static bool IsNoun(ParagraphLayout p, int k) =>
        p.StepLeft(p.Words[k].Start) is { Word: >= 0 } before
        && (p.Words[before.Word].IsPossessive || p.Words[before.Word].Lower is "the" or "a" or "an" or "this" or "that" or "his" or "her" or "its" or "their" or "our" or "my" or "your");

    private static bool IsVerb(Word w, WordSet verbs) => !w.IsCapitalised && verbs.Contains(w.Span);

    private static bool IsParticiple(Word verb) => verb.LowerEndsWith("ed") || verb.Is("told") || verb.Is("said") || verb.Is("written");

    private static int FirstNonSpace(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from])) from++;
        return from;
    }

    [GeneratedRegex(@"^\s*(?:that)?\s*[,:]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex IntroductionGap();
}
