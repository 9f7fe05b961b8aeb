using System.Text.RegularExpressions;

namespace BriefingBot.Quotes;

/// <summary>
/// Every person (or organisation) the corpus quotes, merged across articles, and the ways a user may name them.
/// <list type="bullet">
/// <item>Merging: people of different articles are one person when a name of one equals a name of the other
/// (canonical or alias, compared without case, diacritics, punctuation or middle initials); a shared surname alone
/// never merges anyone.</item>
/// <item><see cref="Resolve"/>: a typed name → the person of that canonical name or alias; a single word → everyone
/// with that first or last name; titles and descriptions ("President Xi", "Foreign Ministry spokesperson Guo Jiakun"),
/// possessives ("Wu Xinbo's") and punctuation tolerated.</item>
/// <item><see cref="FindIn"/>: the person a free question is about, or the name of somebody the corpus never quotes;
/// <see cref="FindWordsAskedOf"/>: the same, when the question asks for their words.</item>
/// </list>
/// Immutable and thread-safe once built.
/// </summary>
public sealed partial class PersonDirectory
{
    private static readonly IReadOnlySet<string> QuestionWords = new HashSet<string>(
        Lexicon.LeadingStopWords.Concat(Lexicon.OtherSubjects).Concat(Lexicon.PersonalPronouns)
            .Concat(Lexicon.Auxiliaries).Concat(Lexicon.SpeechVerbs)
            .Concat(["did", "does", "do", "say", "about", "think", "whom", "whose", "quote", "quotes", "quoted",
                "me", "please", "show", "give", "list", "find", "anything", "something", "everything"]),
        StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> IntentWords = new HashSet<string>(
        Lexicon.SpeechVerbs.Concat(["say", "think", "thinks", "thought", "view", "views", "position", "stance", "opinion",
            "quote", "quotes", "quoted", "believe", "believes", "comment", "comments", "statement", "statements",
            "remarks", "words", "according"]),
        StringComparer.Ordinal);

    private readonly Dictionary<string, Person> byKey;
    private readonly Dictionary<string, List<Person>> byWord;
    // Every name as written, to the person byKey gives for it: a quotation's speaker is always one of these names, so
    // canonicalising it needs no key worked out.
    private readonly Dictionary<string, Person> byName;

    private PersonDirectory(IReadOnlyList<KeyedPerson> people)
    {
        People = people.Select(p => p.Person).ToArray();
        byKey = new Dictionary<string, Person>(StringComparer.Ordinal);
        byWord = new Dictionary<string, List<Person>>(StringComparer.Ordinal);
        byName = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var keyed in people)
        {
            var person = keyed.Person;
            for (var i = 0; i < keyed.Keys.Length; i++)
            {
                var key = keyed.Keys[i];
                byKey.TryAdd(key, person);
                byName.TryAdd(keyed.NameAt(i), byKey[key]);
                // An organisation answers to its full name only: "Chinese" must not mean "Chinese Ministry of …".
                if (HasOrganisationWord(key))
                    continue;
                var firstSpace = key.IndexOf(' ');
                var first = firstSpace < 0 ? key : key[..firstSpace];
                AddWord(first, person);
                if (firstSpace >= 0)
                    AddWord(key[(key.LastIndexOf(' ') + 1)..], person);
            }
        }
    }

    /// <summary>Everyone quoted, merged, ordered by name.</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>Merges the people of every article: one <see cref="Person"/> per set of shared names.</summary>
    public static PersonDirectory Build(IEnumerable<Person> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var groups = new List<List<KeyedPerson>>();
        var groupOfKey = new Dictionary<string, List<KeyedPerson>>(StringComparer.Ordinal);
        var joined = new List<List<KeyedPerson>>();
        foreach (var person in people)
        {
            // Each name's key is worked out once, here: merging, choosing the canonical name and indexing reuse it.
            var keyed = KeyedPerson.Of(person);
            if (keyed.Keys.All(k => k.Length == 0))
                continue;
            joined.Clear();
            foreach (var key in keyed.Keys)
                if (key.Length > 0 && groupOfKey.TryGetValue(key, out var existing) && !joined.Contains(existing))
                    joined.Add(existing);
            var group = joined.Count > 0 ? joined[0] : [];
            if (joined.Count == 0)
                groups.Add(group);
            for (var j = 1; j < joined.Count; j++)
            {
                group.AddRange(joined[j]);
                groups.Remove(joined[j]);
            }
            group.Add(keyed);
            // Keys of the group's earlier members already point here; only the newcomers' need to (re-pointing the
            // whole group on every addition made a person quoted in thousands of articles cost quadratic time).
            for (var j = 1; j < joined.Count; j++)
                foreach (var member in joined[j])
                    PointKeys(member);
            PointKeys(keyed);

            void PointKeys(KeyedPerson newcomer)
            {
                foreach (var key in newcomer.Keys)
                    groupOfKey[key] = group;
            }
        }
        var merged = groups.Select(Merge).OrderBy(p => p.Person.Name, StringComparer.OrdinalIgnoreCase).ToArray();
        return new PersonDirectory(merged);
    }

    /// <summary>
    /// The people a typed name means: the person whose canonical name or alias it is; for a single word (a surname
    /// or given name, possibly after a title: "Wu", "President Xi"), everyone who has it; a full name after a description
    /// ("Foreign Ministry spokesperson Guo Jiakun"), that person; otherwise nobody.
    /// </summary>
    public IReadOnlyList<Person> Resolve(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return [];
        var words = NameKey.Tokens(StripPossessives(name)).ToList();
        if (words.Count == 0)
            return [];
        if (byKey.TryGetValue(NameKey.Of(string.Join(' ', words)), out var person))
            return [person];
        // "Rear Admiral Okafor", "Foreign Ministry spokesperson Guo Jiakun": the words that say who somebody is come
        // before the name; each is dropped only after the whole phrase failed to be a name ("Ocean Vuong").
        while (words.Count > 1 && IsDescriptor(words[0]))
        {
            words.RemoveAt(0);
            if (byKey.TryGetValue(NameKey.Of(string.Join(' ', words)), out person))
                return [person];
        }
        if (words.Count == 1)
            return byWord.TryGetValue(words[0], out var sharing) ? sharing.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToArray() : [];
        if (words.Count == 2 && byKey.TryGetValue(words[1] + " " + words[0], out var reversed))
            return [reversed]; // "Xinbo Wu" for "Wu Xinbo"
        // "China's top diplomat Wang Yi": a full name (two words at least) closing a longer description.
        for (var start = 1; words.Count - start >= 2; start++)
            if (byKey.TryGetValue(NameKey.Of(string.Join(' ', words.Skip(start))), out person))
                return [person];
        return [];
    }

    /// <summary>A word that describes a person rather than names one: a title, a role, an office, a nationality.</summary>
    private static bool IsDescriptor(string word) =>
        word == "the" || Lexicon.Titles.Contains(word) || Lexicon.RoleNouns.Contains(word)
        || Lexicon.OrganisationWords.Contains(word) || Lexicon.NonPersonWords.Contains(word);

    /// <summary>
    /// People whose name (canonical or alias, or one of its words) starts with <paramref name="text"/>, then those
    /// whose name contains it; everyone when it is empty. For autocomplete.
    /// </summary>
    public IReadOnlyList<Person> Search(string text, int max = 25)
    {
        var query = string.Join(' ', NameKey.Tokens(text ?? ""));
        if (query.Length == 0)
            return People.Take(max).ToArray();
        var starts = People.Where(p => Names(p).Select(NameKey.Of).Any(k => k.StartsWith(query, StringComparison.Ordinal)
            || k.Split(' ').Any(w => w.StartsWith(query, StringComparison.Ordinal))));
        var contains = People.Where(p => Names(p).Select(NameKey.Of).Any(k => k.Contains(query, StringComparison.Ordinal)));
        return starts.Concat(contains).Distinct().Take(max).ToArray();
    }

    /// <summary>The merged person a quotation's speaker name belongs to, or null when nobody here has that name.</summary>
    public Person? PersonFor(string? speaker) =>
        speaker is not null && (byName.TryGetValue(speaker, out var person) || byKey.TryGetValue(NameKey.Of(speaker), out person))
            ? person
            : null;

    /// <summary>The quotation with its speaker under the merged canonical name ("Victor Gao" → "Gao Zhikai").</summary>
    public Quotation Canonicalize(Quotation quotation)
    {
        ArgumentNullException.ThrowIfNull(quotation);
        return PersonFor(quotation.Speaker) is { } person && person.Name != quotation.Speaker
            ? quotation with { Speaker = person.Name }
            : quotation;
    }

    /// <summary>
    /// The person a free question names ("What did Li Keqiang say about …?" → Li Keqiang; "what did Wu say" → Wu
    /// Xinbo; "What did Shen say?" → both Shens). When no quoted person fits but the question asks what somebody said
    /// and names them ("What did Olaf Scholz say?"), a mention with no people and that name; otherwise null.
    /// </summary>
    public PersonMention? FindIn(string question)
    {
        if (string.IsNullOrWhiteSpace(question))
            return null;
        var words = QuestionWordsOf(question);
        return FullName(question, words) ?? SingleName(question, words) ?? UnknownName(question, words);
    }

    /// <summary>
    /// The person whose words a free question asks for: it names somebody (a full name, or a capitalised single name
    /// the corpus quotes, or an unknown full name) and either holds a word asking for words ("said", "quotes",
    /// "view", "according") or is nothing but the name. "Where did Xi meet Trump?" asks for none: null.
    /// </summary>
    public WordsAskedOf? FindWordsAskedOf(string question)
    {
        if (string.IsNullOrWhiteSpace(question))
            return null;
        var words = QuestionWordsOf(question);
        // In an all-lowercase question a single word is too often a common noun ("park fees") to stand for a name.
        var mention = FullName(question, words)
            ?? (question.Any(char.IsUpper) ? SingleName(question, words) : null)
            ?? UnknownName(question, words);
        if (mention is null)
            return null;
        var at = question.IndexOf(mention.Span, StringComparison.Ordinal);
        var rest = QuestionWordsOf(at < 0 ? question : question.Remove(at, mention.Span.Length)).Select(w => w.Key).ToList();
        // "Tell me about X", "Who is X?" ask about the person, not for their words; a bare name asks for everything.
        if (rest.Count > 0 && !rest.Any(w => IntentWords.Contains(w) && w is not ("tell" or "told")))
            return null;
        var topic = rest.Where(w => !IntentWords.Contains(w) && !QuestionWords.Contains(w)).ToList();
        return new WordsAskedOf(mention, topic.Count == 0 ? null : string.Join(' ', topic));
    }

    private PersonMention? FullName(string question, List<QuestionWord> words)
    {
        for (var length = Math.Min(5, words.Count); length >= 2; length--)
        {
            for (var i = 0; i + length <= words.Count; i++)
            {
                var slice = words.GetRange(i, length);
                var key = NameKey.Of(string.Join(' ', slice.Select(w => w.Key)));
                if (byKey.TryGetValue(key, out var person)
                    || (length == 2 && byKey.TryGetValue(slice[1].Key + " " + slice[0].Key, out person)))
                    return new PersonMention(Span(question, slice), [person]);
            }
        }
        return null;
    }

    private PersonMention? SingleName(string question, List<QuestionWord> words)
    {
        var lowercase = !question.Any(char.IsUpper);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (QuestionWords.Contains(word.Key) || (!lowercase && !char.IsUpper(question[word.Start])))
                continue;
            if (!byWord.TryGetValue(word.Key, out var people))
                continue;
            var first = i > 0 && Lexicon.Titles.Contains(words[i - 1].Key) ? i - 1 : i;
            return new PersonMention(Span(question, words.GetRange(first, i - first + 1)), people.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToArray());
        }
        return null;
    }

    /// <summary>"What did Olaf Scholz say?": a name the corpus does not know, in a question about what someone said.</summary>
    private static PersonMention? UnknownName(string question, List<QuestionWord> words)
    {
        if (!words.Any(w => IntentWords.Contains(w.Key)))
            return null;
        var run = new List<QuestionWord>();
        foreach (var word in words.Append(new QuestionWord("", question.Length, question.Length)))
        {
            var text = question[word.Start..word.End];
            var isName = word.Key.Length > 0 && NameFinder.IsNameToken(text) && !QuestionWords.Contains(word.Key)
                && (run.Count == 0 || question[run[^1].End..word.Start].All(char.IsWhiteSpace));
            if (isName)
            {
                run.Add(word);
                continue;
            }
            if (run.Count >= 2 && !run.Any(w => Lexicon.OrganisationWords.Contains(w.Key) || Lexicon.NonPersonWords.Contains(w.Key)))
                return new PersonMention(Span(question, run), []);
            run.Clear();
            if (word.Key.Length > 0 && NameFinder.IsNameToken(text) && !QuestionWords.Contains(word.Key))
                run.Add(word);
        }
        var lowerName = LowercaseAskedName().Match(question);
        return lowerName.Success && !lowerName.Groups[1].Value.Split(' ').Any(QuestionWords.Contains)
            ? new PersonMention(lowerName.Groups[1].Value, [])
            : null;
    }

    private static KeyedPerson Merge(List<KeyedPerson> group)
    {
        // The canonical name is the one most articles use as canonical; an article that gave "Name (Alias)" chose it.
        var uses = group.CountBy(p => p.Keys[0]).ToDictionary(StringComparer.Ordinal);
        var canonical = group[0];
        var best = -1;
        foreach (var member in group)
        {
            var score = uses[member.Keys[0]] * 2 + (member.Person.Aliases.Count > 0 ? 1 : 0);
            if (score > best) // the first of equals wins
            {
                best = score;
                canonical = member;
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal) { canonical.Keys[0] };
        var aliases = new List<string>();
        var keys = new List<string> { canonical.Keys[0] };
        foreach (var member in group)
        {
            for (var i = 0; i < member.Keys.Length; i++)
            {
                if (!seen.Add(member.Keys[i]))
                    continue;
                aliases.Add(member.NameAt(i));
                keys.Add(member.Keys[i]);
            }
        }
        return new KeyedPerson(new Person(canonical.Person.Name, aliases), [.. keys]);
    }

    private void AddWord(string word, Person person)
    {
        var list = byWord.TryGetValue(word, out var existing) ? existing : byWord[word] = [];
        if (!list.Contains(person))
            list.Add(person);
    }

    private static bool HasOrganisationWord(string key)
    {
        foreach (var word in key.AsSpan().Split(' '))
            if (Lexicon.OrganisationWords.Contains(key.AsSpan()[word]))
                return true;
        return false;
    }

    private static IEnumerable<string> Names(Person person) => person.Aliases.Prepend(person.Name);

    private static string StripPossessives(string text) => Possessive().Replace(text, "");

    private static List<QuestionWord> QuestionWordsOf(string question) =>
        QuestionWordPattern().Matches(question)
            .Select(m =>
            {
                var end = m.Index + m.Length;
                var possessive = Possessive().Match(m.Value);
                if (possessive.Success && possessive.Index > 0)
                    end = m.Index + possessive.Index;
                return new QuestionWord(string.Concat(NameKey.Tokens(question[m.Index..end])), m.Index, end);
            })
            .Where(w => w.Key.Length > 0)
            .ToList();

    private static string Span(string question, List<QuestionWord> words) => question[words[0].Start..words[^1].End];

    private readonly record struct QuestionWord(string Key, int Start, int End);

    /// <summary>A person and the <see cref="NameKey.Of"/> of each of their names: <see cref="Keys"/>[0] is the key of
    /// the canonical name, the rest those of the aliases in order.</summary>
    private sealed record KeyedPerson(Person Person, string[] Keys)
    {
        public static KeyedPerson Of(Person person)
        {
            var keyed = new KeyedPerson(person, new string[person.Aliases.Count + 1]);
            for (var i = 0; i < keyed.Keys.Length; i++)
                keyed.Keys[i] = NameKey.Of(keyed.NameAt(i));
            return keyed;
        }

        /// <summary>The name whose key is <see cref="Keys"/>[<paramref name="i"/>].</summary>
        public string NameAt(int i) => i == 0 ? Person.Name : Person.Aliases[i - 1];
    }

    [GeneratedRegex(@"['’]s?(?=$|[^\p{L}])")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+(?:['’\-.][\p{L}\p{M}\p{Nd}]+)*['’]?")]
    private static partial Regex QuestionWordPattern();

    [GeneratedRegex(@"\b(?:did|does|do|has|have|had|would|will|can|could)\s+([a-z][a-z'’\-]+(?:\s+[a-z][a-z'’\-]+){1,2}?)\s+(?:say|said|argue|argued|think|claim|urge|warn|write|state|mean|suggest|tell|call|describe)\b")]
    private static partial Regex LowercaseAskedName();
}
