using System.Collections.Frozen;

namespace BriefingBot.Quotes;

/// <summary>A person or organisation of one article that quotations can be attributed to.</summary>
internal sealed class Speaker
{
    private readonly List<string> aliases = [];
    // Made for the first role: most speakers are never described.
    private HashSet<string>? roles;

    // The comparable form of each name (NameKey.Of), worked out once: names are compared for every mention of the
    // article. A speaker has a name or two, so they are looked through rather than hashed.
    private readonly List<NameWords> keys = new(2);

    /// <param name="key">The name's <see cref="NameKey.Of"/>, which the registry has already worked out.</param>
    public Speaker(string name, string key, bool isOrganisation)
    {
        Name = name;
        IsOrganisation = isOrganisation;
        Confirmed = isOrganisation;
        Remember(key);
    }

    /// <summary>Canonical name: full name as the article first gives it, titles and middle initials removed.</summary>
    public string Name { get; }

    public IReadOnlyList<string> Aliases => aliases;

    public bool IsOrganisation { get; }

    /// <summary>The article shows this is a person (title, role, appositive, say-verb …), not merely a capitalised phrase.</summary>
    public bool Confirmed { get; set; }

    /// <param name="key">The alias's <see cref="NameKey.Of"/>.</param>
    public void AddAlias(string alias, string key)
    {
        if (Remember(key))
            aliases.Add(alias);
    }

    /// <summary>The first or last word of one of its names equals <paramref name="token"/> (folded).</summary>
    public bool AnswersTo(string token, bool lastWordOnly)
    {
        foreach (var key in keys)
            if (key.Last.SequenceEqual(token) || (!lastWordOnly && key.First.SequenceEqual(token)))
                return true;
        return false;
    }

    /// <summary>Records a name's key unless it is known; false when it was.</summary>
    private bool Remember(string key)
    {
        foreach (var known in keys)
            if (known.Key == key)
                return false;
        var firstSpace = key.IndexOf(' ');
        keys.Add(firstSpace < 0 ? new NameWords(key, key.Length, 0) : new NameWords(key, firstSpace, key.LastIndexOf(' ') + 1));
        return true;
    }

    /// <summary>A name's key and where its first word ends and its last begins: the words are read in place.</summary>
    private readonly record struct NameWords(string Key, int FirstEnd, int LastStart)
    {
        public ReadOnlySpan<char> First => Key.AsSpan(0, FirstEnd);

        public ReadOnlySpan<char> Last => Key.AsSpan(LastStart);
    }

    /// <summary>Words the article uses to describe this speaker ("premier", "professor").</summary>
    public IReadOnlySet<string> Roles => roles ?? (IReadOnlySet<string>)FrozenSet<string>.Empty;

    public void AddRoles(IReadOnlyList<string> words)
    {
        // Indexed rather than enumerated: through the interface, a list's enumerator would be boxed at every call.
        for (var i = 0; i < words.Count; i++)
            (roles ??= new HashSet<string>(StringComparer.Ordinal)).Add(words[i]);
    }

    public Person ToPerson() => new(Name, aliases.ToArray());
}

/// <summary>
/// The people and organisations of one article, and which of them each name refers to: full names and aliases
/// directly; a single word ("Wu", "President Xi") to the person of the article whose first or last name it is
/// (the one mentioned most recently when several share it); "he"/"she" to the last person mentioned.
/// A bare name never reaches outside its article.
/// </summary>
internal sealed class SpeakerRegistry
{
    private readonly Dictionary<string, Speaker> byKey = [];
    // By identity: a record's own equality would hash its name and roles at every lookup, and no two mentions of an
    // article are alike anyway (each has its own place).
    private readonly Dictionary<Mention, Speaker> resolved = new(ReferenceEqualityComparer.Instance);
    // Every mention resolved to a speaker, by position; and each speaker's positions, for the same mentions. Looked up
    // by binary search, as the speakers are by word below: a long transcript has thousands of names, and looking through
    // them all for every mention made reading it quadratic (a 1.2 MB article with 6,000 people: 2.6 s, now 0.05 s).
    private readonly List<(long Position, Speaker Speaker)> timeline = [];
    private readonly Dictionary<Speaker, List<long>> positionsOf = [];
    // The first and the last word of every name key, to the speakers with such a key: a single word is looked up, not
    // compared with every person of the article. A speaker whose keys all went to others is no longer one of the
    // article's speakers, hence the count of keys each holds.
    private readonly Dictionary<string, List<Speaker>> byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Speaker>>.AlternateLookup<ReadOnlySpan<char>> byWordSpan;
    private readonly Dictionary<Speaker, int> keysHeld = [];
    // The keys by their last word: a longer name that ends with a key's words ends with its last word.
    private readonly Dictionary<string, List<string>> keysByLastWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>>.AlternateLookup<ReadOnlySpan<char>> keysByLastWordSpan;
    // Filled afresh for every single-word mention: one list for the article, not one per mention.
    private readonly List<Speaker> candidates = [];

    /// <param name="mentions">The article's mentions, in reading order.</param>
    public SpeakerRegistry(IReadOnlyList<Mention> mentions)
    {
        byWordSpan = byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        keysByLastWordSpan = keysByLastWord.GetAlternateLookup<ReadOnlySpan<char>>();
        // Each mention's key is worked out once: it orders the registration, then finds or resolves the speaker.
        var keys = new string[mentions.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = NameKey.Of(mentions[i].Name);
        // Longest names first, so that "Von der Leyen" finds "Ursula von der Leyen" already registered.
        var named = Enumerable.Range(0, mentions.Count).Where(i => mentions[i].Kind != MentionKind.SingleName).ToList();
        foreach (var i in named.OrderByDescending(i => keys[i].AsSpan().Count(' ')))
            Register(mentions[i], keys[i]);
        foreach (var i in named)
            timeline.Add((mentions[i].Position, resolved[mentions[i]]));
        timeline.Sort((a, b) => a.Position.CompareTo(b.Position));
        foreach (var (position, speaker) in timeline)
            PositionsOf(speaker).Add(position);

        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Kind != MentionKind.SingleName || ResolveSingle(m, keys[i]) is not { } speaker)
                continue;
            speaker.Confirmed |= m.PersonEvidence;
            speaker.AddRoles(m.Roles);
            resolved[m] = speaker;
            timeline.Insert(MentionsBefore(m.Position), (m.Position, speaker));
            var positions = PositionsOf(speaker);
            if (positions.BinarySearch(m.Position) is var at and < 0) positions.Insert(~at, m.Position);
        }
    }

    /// <summary>The speaker a mention refers to, or null (a place, a thing, an unknown single word).</summary>
    public Speaker? Resolve(Mention mention) => resolved.GetValueOrDefault(mention);

    /// <summary>The confirmed person mentioned last before <paramref name="position"/>: what "he" or "she" stands for.</summary>
    public Speaker? PersonBefore(long position)
    {
        for (var i = MentionsBefore(position) - 1; i >= 0; i--)
            if (timeline[i].Speaker is { IsOrganisation: false, Confirmed: true } s)
                return s;
        return null;
    }

    /// <summary>How many mentions of the timeline come before <paramref name="position"/>.</summary>
    private int MentionsBefore(long position)
    {
        var (low, high) = (0, timeline.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (timeline[middle].Position < position) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private List<long> PositionsOf(Speaker speaker)
    {
        if (!positionsOf.TryGetValue(speaker, out var positions))
            positionsOf[speaker] = positions = [];
        return positions;
    }

    private void Register(Mention m, string key)
    {
        var aliasKey = m.Alias is null ? null : NameKey.Of(m.Alias);
        if (!byKey.TryGetValue(key, out var speaker) && (aliasKey is null || !byKey.TryGetValue(aliasKey, out speaker))
            && (m.Kind == MentionKind.Organisation || !TryLongerName(key, out speaker)))
        {
            var display = NameKey.WithoutMiddleInitials(m.Name);
            var displayKey = display == m.Name ? key : NameKey.Of(display);
            speaker = new Speaker(display, displayKey, m.Kind == MentionKind.Organisation);
            Index(displayKey, speaker);
        }
        if (m.Name != speaker.Name)
            speaker.AddAlias(m.Name, key);
        Index(key, speaker);
        if (m.Alias is not null && aliasKey is not null)
        {
            speaker.AddAlias(m.Alias, aliasKey);
            Index(aliasKey, speaker);
        }
        speaker.Confirmed |= m.PersonEvidence;
        speaker.AddRoles(m.Roles);
        resolved[m] = speaker;
    }

    /// <summary>
    /// Files <paramref name="speaker"/> under <paramref name="key"/>, and under its first and last word. Every key a
    /// speaker remembers passes through here with it (<see cref="Register"/>, <see cref="ResolveSingle"/>), so a word
    /// finds every speaker it may mean.
    /// </summary>
    private void Index(string key, Speaker speaker)
    {
        if (byKey.TryGetValue(key, out var previous))
        {
            if (previous == speaker) return;
            keysHeld[previous]--;
        }
        else
        {
            var lastWord = LastWord(key);
            if (!keysByLastWordSpan.TryGetValue(lastWord, out var keys))
                keysByLastWord[lastWord.ToString()] = keys = [];
            keys.Add(key);
        }
        byKey[key] = speaker;
        keysHeld[speaker] = keysHeld.GetValueOrDefault(speaker) + 1;
        var firstSpace = key.IndexOf(' ');
        IndexWord(firstSpace < 0 ? key : key.AsSpan(0, firstSpace), speaker);
        IndexWord(LastWord(key), speaker);
    }

    private static ReadOnlySpan<char> LastWord(string key) => key.AsSpan(key.LastIndexOf(' ') + 1);

    private void IndexWord(ReadOnlySpan<char> word, Speaker speaker)
    {
        if (!byWordSpan.TryGetValue(word, out var speakers))
            byWord[word.ToString()] = speakers = [];
        if (!speakers.Contains(speaker))
            speakers.Add(speaker);
    }

    /// <summary>The one person whose full name ends with the words of <paramref name="key"/> ("ursula von der leyen"
    /// for "von der leyen"). When two do ("Mary Ann Smith", "John Ann Smith"), the mention could be either: it is
    /// neither.</summary>
    private bool TryLongerName(string key, out Speaker speaker)
    {
        speaker = null!;
        if (!keysByLastWordSpan.TryGetValue(LastWord(key), out var sameLastWord))
            return false;
        foreach (var name in sameLastWord)
        {
            var named = byKey[name];
            if (named.IsOrganisation || named == speaker || !EndsWithWords(name, key))
                continue;
            if (speaker is not null)
            {
                speaker = null!;
                return false;
            }
            speaker = named;
        }
        return speaker is not null;
    }

    /// <summary><paramref name="name"/> is longer than <paramref name="lastWords"/> and ends with them as whole words.</summary>
    private static bool EndsWithWords(string name, string lastWords) =>
        name.Length > lastWords.Length && name[name.Length - lastWords.Length - 1] == ' '
        && name.EndsWith(lastWords, StringComparison.Ordinal);

    private Speaker? ResolveSingle(Mention m, string token)
    {
        FindCandidates(token, confirmed: true);
        if (candidates.Count == 0)
            FindCandidates(token, confirmed: false);
        if (candidates.Count == 0)
        {
            if (!m.Titled)
                return null;
            // "Mr. Smith", "President Trump" with no full name anywhere in the article: the title makes it a person.
            if (!byKey.TryGetValue(token, out var titled))
            {
                titled = new Speaker(m.Name, token, isOrganisation: false) { Confirmed = true };
                Index(token, titled);
            }
            return titled;
        }
        return candidates.Count == 1 ? candidates[0] : Likeliest(m, candidates);
    }

    /// <summary>Which of several speakers a single name means. Kept out of <see cref="ResolveSingle"/>: there, the
    /// closures over <paramref name="m"/> would be allocated for every single name, not only when speakers compete.</summary>
    private Speaker Likeliest(Mention m, List<Speaker> candidates)
    {
        // "Premier Li" among several Lis: the one the article described as premier.
        var sameRole = candidates.Where(s => m.Roles.Any(s.Roles.Contains)).ToList();
        if (m.Titled && sameRole.Count > 0)
            candidates = sameRole;
        return candidates
            .Select(s => (Speaker: s, Last: LastMentionBefore(s, m.Position), First: FirstMention(s)))
            .OrderByDescending(c => c.Last)
            .ThenBy(c => c.First)
            .First().Speaker;
    }

    /// <summary>Fills <see cref="candidates"/> with the speakers a single name may mean. A confirmed person answers to
    /// their first or last name (Chinese or Western order); a mere capitalised phrase only to its last word, so
    /// "China" never stands for "China Focus". In no particular order: <see cref="Likeliest"/> ranks them by their
    /// mentions, which no two speakers share.</summary>
    private void FindCandidates(string token, bool confirmed)
    {
        candidates.Clear();
        if (!byWord.TryGetValue(token, out var named))
            return;
        foreach (var s in named)
            if (!s.IsOrganisation && keysHeld[s] > 0 && s.Confirmed == confirmed && s.AnswersTo(token, lastWordOnly: !confirmed))
                candidates.Add(s);
    }

    private long LastMentionBefore(Speaker s, long position)
    {
        if (!positionsOf.TryGetValue(s, out var positions)) return -1;
        var at = positions.BinarySearch(position);
        var before = at >= 0 ? at : ~at; // positions[before] is the first at or after position
        return before > 0 ? positions[before - 1] : -1;
    }

    private long FirstMention(Speaker s) =>
        positionsOf.TryGetValue(s, out var positions) && positions.Count > 0 ? positions[0] : long.MaxValue;
}
