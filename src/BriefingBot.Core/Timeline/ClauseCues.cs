using BriefingBot.Corpus;

namespace BriefingBot.Timeline;

/// <summary>
/// General English vocabulary that says a clause reports something happening on its date: event nouns
/// ("meeting", "talks", "interview"), verbs of doing and saying ("met", "announced", "said") and words of
/// running out ("expire", "deadline"). Nothing here is specific to any article.
/// </summary>
internal static class ClauseCues
{
    private static readonly WordSet EventNouns = new(ignoreCase: false,
    [
        "meeting", "meetings", "summit", "summits", "talks", "visit", "visits", "conference", "ceremony", "election",
        "elections", "round", "session", "hearing", "vote", "forum", "expo", "dialogue", "call", "trip", "interview",
        "speech", "announcement", "agreement", "deal", "treaty", "accord", "truce", "ceasefire", "signing", "launch",
        "release", "report", "statement", "commentary", "column", "op-ed", "program", "programme", "broadcast",
        "video", "briefing", "event", "rally", "negotiations", "consultations", "inauguration", "deadline", "tour",
    ]);

    /// <summary>Occasions that make even a bare year an event ("the G20 Summit in 2019", "visits in 2026").</summary>
    private static readonly WordSet OccasionNouns = new(ignoreCase: false,
    [
        "meeting", "meetings", "summit", "summits", "talks", "visit", "visits", "conference", "ceremony", "election",
        "elections", "trip", "expo", "forum", "hearing", "inauguration", "olympics", "tour",
    ]);

    private static readonly WordSet EventVerbs = Inflect(
        regular:
        [
            "announce", "agree", "sign", "launch", "release", "publish", "upload", "unveil", "declare", "impose", "start",
            "open", "convene", "attend", "travel", "call", "argue", "urge", "pledge", "propose", "vote", "elect", "adopt",
            "approve", "ratify", "enact", "suspend", "extend", "lift", "host", "visit", "discuss", "negotiate", "reach",
            "confirm", "report", "post", "air", "deliver", "present", "introduce", "finalize", "conclude", "resume",
            "deploy", "raise", "reduce", "remove", "halt", "end", "expire", "warn", "stress", "reiterate", "emphasize",
            "interview", "sanction", "retaliate", "block", "reject", "issue", "talk",
        ],
        irregular:
        [
            "meet", "meets", "met", "hold", "holds", "held", "say", "says", "said", "tell", "tells", "told", "speak",
            "speaks", "spoke", "write", "writes", "wrote", "begin", "begins", "began", "take", "takes", "took", "give",
            "gives", "gave", "go", "goes", "went", "come", "comes", "came", "strike", "strikes", "struck", "ban", "bans",
            "banned", "cut", "cuts", "set", "sets", "fly", "flies", "flew", "sit", "sits", "sat",
        ]);

    private static readonly WordSet DeadlineWords = new(ignoreCase: false,
    [
        "expire", "expires", "expired", "expiring", "expiry", "expiration", "deadline", "deadlines", "lapse", "lapses",
        "lapsed", "end", "ends", "ended", "ending", "close", "closes", "closed", "closing", "due",
    ]);

    /// <summary>Words a label does not start or end with ("At a press conference in Beijing" → "press conference in Beijing").</summary>
    private static readonly WordSet EdgeWords = new(ignoreCase: false,
    [
        "a", "an", "the", "on", "in", "at", "during", "of", "for", "with", "from", "to", "into", "as", "after", "and",
        "or", "but", "while", "when", "where", "that", "which", "who", "because", "although", "though", "since", "if",
        "later", "earlier", "also", "then", "so", "yet", "just",
    ]);

    /// <summary>Function words that carry no event ("the", "of", "is"): not counted as content.</summary>
    private static readonly WordSet FunctionWords = EdgeWords.With(
    [
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "these", "those", "their",
        "his", "her", "they", "he", "she", "we", "both", "by", "until", "till", "through", "before", "than", "not",
        "no", "about", "over", "under", "between", "against", "up", "down", "out", "off", "very", "more", "most",
        "some", "any", "all", "each", "such", "there", "here", "would", "could", "should", "can", "may", "might", "will",
    ]);

    /// <summary>Words that open a subordinate or relative clause: a label does not run on into it.</summary>
    private static readonly WordSet ClauseOpeners = new(ignoreCase: false,
    [
        "that", "which", "who", "whom", "whose", "because", "while", "when", "where", "although", "though", "if",
        "unless", "whether",
    ]);

    private static readonly string[] Coordinators = ["and", "but", "or"];

    private static readonly string[] Prepositions =
    [
        "in", "on", "at", "with", "of", "for", "from", "to", "by", "during", "into", "about", "against", "between", "over",
        "under", "after", "before",
    ];

    /// <summary>
    /// Every listed word with all it is, so that a label's word is looked up once rather than in each list; a word in
    /// no list is only <see cref="WordCues.Content"/>.
    /// </summary>
    private static readonly Dictionary<string, WordCues>.AlternateLookup<ReadOnlySpan<char>> Listed = ListAll();

    private static readonly int LongestListed = Listed.Dictionary.Keys.Max(word => word.Length);

    /// <summary>What <paramref name="word"/> (bare of punctuation, in any case) is to a label.</summary>
    public static WordCues CuesOf(ReadOnlySpan<char> word)
    {
        if (word.Length == 0)
            return WordCues.None;
        if (word.Length > LongestListed)
            return WordCues.Content;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return Listed.TryGetValue(lower, out var cues) ? cues : WordCues.Content;
    }

    private static Dictionary<string, WordCues>.AlternateLookup<ReadOnlySpan<char>> ListAll()
    {
        var cues = new Dictionary<string, WordCues>(StringComparer.Ordinal);
        void Mark(IEnumerable<string> words, WordCues cue)
        {
            foreach (var word in words)
                cues[word] = cues.GetValueOrDefault(word) | cue;
        }

        Mark(EventNouns, WordCues.Event);
        Mark(EventVerbs, WordCues.Event);
        Mark(OccasionNouns, WordCues.Occasion);
        Mark(DeadlineWords, WordCues.Deadline);
        Mark(EdgeWords, WordCues.Edge);
        Mark(ClauseOpeners, WordCues.ClauseOpener);
        Mark(Coordinators, WordCues.Coordinator);
        Mark(Prepositions, WordCues.Preposition);
        Mark(cues.Keys.Where(word => !FunctionWords.Contains(word)).ToList(), WordCues.Content);
        // Function words are listed too, so that they are not taken for content.
        Mark(FunctionWords, WordCues.None);
        return cues.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static WordSet Inflect(IEnumerable<string> regular, IEnumerable<string> irregular)
    {
        var forms = new HashSet<string>(irregular, StringComparer.Ordinal);
        foreach (var verb in regular)
        {
            forms.Add(verb);
            if (verb.EndsWith('e'))
                forms.UnionWith([verb + "s", verb + "d", verb[..^1] + "ing"]);
            else if (verb.EndsWith('y') && !"aeiou".Contains(verb[^2]))
                forms.UnionWith([verb[..^1] + "ies", verb[..^1] + "ied", verb + "ing"]);
            else
                forms.UnionWith([verb + (verb.EndsWith('s') || verb.EndsWith("sh", StringComparison.Ordinal) || verb.EndsWith("ch", StringComparison.Ordinal) ? "es" : "s"), verb + "ed", verb + "ing"]);
        }

        return new WordSet(ignoreCase: false, forms);
    }
}

/// <summary>What a word is to a milestone's label; a word may be several ("end" is an event verb and a deadline word).</summary>
[Flags]
internal enum WordCues
{
    None = 0,

    /// <summary>Says something happens: an event noun or a verb of doing or saying.</summary>
    Event = 1 << 0,

    /// <summary>An occasion that makes even a bare year an event.</summary>
    Occasion = 1 << 1,

    /// <summary>A word of running out ("expires", "deadline").</summary>
    Deadline = 1 << 2,

    /// <summary>A word a label does not start or end with.</summary>
    Edge = 1 << 3,

    /// <summary>Not a function word: it can carry an event.</summary>
    Content = 1 << 4,

    /// <summary>Opens a subordinate or relative clause.</summary>
    ClauseOpener = 1 << 5,

    /// <summary>"and", "but", "or".</summary>
    Coordinator = 1 << 6,

    Preposition = 1 << 7,
}
