using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BriefingBot.Benchmarks;

/// <summary>
/// A deterministic synthetic news corpus for benchmarks: articles of 1–8 KB with headlines, bylines (top, end, or an
/// author biography), quotations by many speakers in the say-verb patterns real reporting uses, reported speech and
/// dated events. Article <c>i</c> depends only on the seed and <c>i</c>, so a 1,000-article corpus is the first
/// thousand articles of the 10,000-article one and articles can be generated in parallel.
/// </summary>
/// <remarks>
/// Who is quoted follows a Zipf law over a pool of 20,000 people, as in real news (a few people are quoted in many
/// articles, most in one or two); so does the long tail of proper nouns (companies, towns), which gives the index a
/// realistic, growing vocabulary. Nothing here is read by the bot: the bot must find all of it on its own.
/// </remarks>
public sealed class SyntheticCorpus(int seed)
{
    /// <summary>One generated article: its file name, its text and the people it quotes (full names).</summary>
    public sealed record Article(int Number, string FileName, string Text, IReadOnlyList<string> Speakers, IReadOnlyList<string> Topics);

    private const int PeoplePool = 20_000;
    private const int ProperNounPool = 30_000;
    private const int AuthorPool = 400;
    private static readonly DateOnly FirstPublished = new(2025, 1, 1);
    private const int PublishedSpanDays = 3 * 365;

    private static readonly Zipf PeopleRank = new(PeoplePool, 1.05);
    private static readonly Zipf ProperNounRank = new(ProperNounPool, 1.0);
    private static readonly Zipf AuthorRank = new(AuthorPool, 0.8);

    /// <summary>Article <paramref name="number"/> (0-based).</summary>
    public Article Generate(int number) => new Writer(seed, number).Write();

    /// <summary>
    /// Writes <paramref name="count"/> articles into <c><paramref name="outDir"/>/corpus</c> and a question file in the
    /// format of <c>dev-questions.json</c> (speaker and free-text questions about what the corpus holds) as
    /// <c><paramref name="outDir"/>/questions.json</c>. Returns the corpus folder.
    /// </summary>
    public static string WriteTo(string outDir, int count, int seed, int questionsPerKind = 200)
    {
        var corpus = Path.Combine(outDir, "corpus");
        Directory.CreateDirectory(corpus);
        var generator = new SyntheticCorpus(seed);
        var questions = new QuestionSampler(seed, questionsPerKind);
        const int batch = 2_000;
        for (var start = 0; start < count; start += batch)
        {
            var articles = Enumerable.Range(start, Math.Min(batch, count - start)).AsParallel().AsOrdered()
                .Select(generator.Generate).ToList();
            foreach (var article in articles)
            {
                File.WriteAllText(Path.Combine(corpus, article.FileName), article.Text, Utf8);
                questions.Observe(article);
            }
        }
        File.WriteAllText(Path.Combine(outDir, "questions.json"), questions.ToJson(), Utf8);
        return corpus;
    }

    /// <summary>Where the runner and the BenchmarkDotNet suites keep corpora and indexes unless told otherwise.</summary>
    public static string DefaultWorkFolder => Path.Combine(Path.GetTempPath(), "briefingbot-bench");

    /// <summary>
    /// The folder of a <paramref name="size"/>-article corpus of <paramref name="seed"/> under <paramref name="work"/>
    /// (<c>corpus/</c> and <c>questions.json</c>), generated on first use and reused after.
    /// </summary>
    public static string Cached(string work, int size, int seed)
    {
        var folder = Path.Combine(work, $"synthetic-{size}-seed{seed}");
        var done = Path.Combine(folder, "complete");
        if (File.Exists(done)) return folder;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Console.Error.WriteLine($"Generating {size:N0} synthetic articles (seed {seed}) into {folder} …");
        WriteTo(folder, size, seed);
        File.WriteAllText(done, "");
        return folder;
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Composes one article from its own random stream.</summary>
    private sealed class Writer
    {
        private readonly Random random;
        private readonly int number;
        private readonly DateOnly published;
        private readonly string topic;
        private readonly string secondTopic;
        private readonly string place;
        private readonly (string A, string B) sides;
        private readonly List<Speaker> speakers;
        private readonly HashSet<Speaker> introduced = [];
        private readonly List<string> lines = [];
        private int bytes;

        public Writer(int seed, int number)
        {
            this.number = number;
            random = new Random(Mix(seed, number));
            published = FirstPublished.AddDays(random.Next(PublishedSpanDays));
            topic = Pick(Vocabulary.Topics);
            secondTopic = Pick(Vocabulary.Topics);
            place = Pick(Vocabulary.Places);
            var a = Pick(Vocabulary.Countries);
            var b = Pick(Vocabulary.Countries);
            sides = (a, b == a ? Vocabulary.Countries[(Array.IndexOf(Vocabulary.Countries, a) + 1) % Vocabulary.Countries.Length] : b);
            speakers = Enumerable.Range(0, random.Next(2, 7))
                .Select(_ => Speaker.Of(PeopleRank.Sample(random)))
                .DistinctBy(s => s.Full)
                .ToList();
        }

        public Article Write()
        {
            // Log-uniform between 1 and 8 KB: most articles are short, some long.
            var target = (int)Math.Exp(Math.Log(1_000) + random.NextDouble() * (Math.Log(8_000) - Math.Log(1_000)));
            var author = Author(AuthorRank.Sample(random));
            var bylinePlacement = random.Next(100);

            Add(Headline());
            if (bylinePlacement < 55) Add(TopByline(author));
            else if (bylinePlacement < 65) Add($"{author} is a {Pick(Vocabulary.Roles)} at {Institution()}, where {Pronoun()} covers {topic}.");

            var quoted = new List<string>();
            var speakerTurn = 0;
            while (bytes < target)
            {
                var roll = random.Next(100);
                if (roll < 6 && lines.Count > 3) Add(Heading());
                else if (roll < 45) Add(Narrative(random.Next(2, 6)));
                else if (roll < 80)
                {
                    var speaker = speakers[speakerTurn++ % speakers.Count];
                    Add(QuoteParagraph(speaker));
                    if (!quoted.Contains(speaker.Full)) quoted.Add(speaker.Full);
                }
                else if (roll < 88) Add(ReportedParagraph(speakers[random.Next(speakers.Count)]));
                else Add(DatedParagraph());
            }
            if (bylinePlacement is >= 65 and < 90) Add($"By {author}");

            var text = string.Join('\n', lines) + "\n";
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
            var file = $"{number:D6}_{hash}{(random.Next(10) == 0 ? ".md" : ".txt")}";
            return new Article(number, file, text, quoted, [topic, secondTopic]);
        }

        private void Add(string line)
        {
            lines.Add(line);
            bytes += Encoding.UTF8.GetByteCount(line) + 1;
        }

        private string Headline() => Fill(Pick(Vocabulary.Headlines)) is var h ? TitleCase(h) : "";

        private string Heading() => TitleCase(Fill(Pick(Vocabulary.Headings)));

        private string TopByline(string author) => random.Next(3) switch
        {
            0 => $"By {author}",
            1 => $"By {author} | {LongDate(published)}",
            _ => $"By {author} Updated {Vocabulary.ShortMonths[published.Month - 1]}{published.Day}",
        };

        private string Narrative(int sentences) =>
            string.Join(' ', Enumerable.Range(0, sentences).Select(_ => Sentence(Vocabulary.NarrativeSentences)));

        /// <summary>A paragraph quoting <paramref name="speaker"/>: named in full with a role the first time, by surname after.</summary>
        private string QuoteParagraph(Speaker speaker)
        {
            var first = introduced.Add(speaker);
            var name = first ? speaker.Full : speaker.Short;
            var who = first ? $"{speaker.Full}, {speaker.Role}," : speaker.Short;
            var quote = Quote(random.Next(1, 3));
            var verb = Pick(Vocabulary.SayVerbs);
            return random.Next(8) switch
            {
                // “…,” X said. (and the inverted “…,” said X, a professor at …)
                0 => $"“{Comma(quote)}” {name} {verb}." + MaybeNarrative(),
                1 => first
                    ? $"“{Comma(quote)}” said {speaker.Full}, {speaker.Role}."
                    : $"“{Comma(quote)}” {speaker.Short} added.",
                // X, a professor at …, told Y: “…”
                2 => $"{who} told {Pick(Vocabulary.Outlets)}: “{quote}”",
                // X, a professor at …, told Y. “…” (the quote in a sentence of its own)
                3 => $"{who} told {Pick(Vocabulary.Outlets)} that talks on {topic} were {Pick(Vocabulary.Adjectives)}. “{quote}”",
                // X argued that “…”
                4 => $"{name} {Pick(Vocabulary.ThatVerbs)} that “{Lower(Fragment())}”" + MaybeNarrative(),
                // “…,” X said, “…”
                5 => $"“{Comma(Quote(1))}” {name} {verb}, “{Lower(Quote(1))}”",
                // Run-on: a speaker named, then two sentences of speech.
                6 => $"{(first ? speaker.Full : speaker.Short)} {verb} the {Pick(Vocabulary.Nouns)} on {topic} would not last. “{quote}” {Narrative(1)}",
                _ => $"In an interview in {place}, {name} {verb}: “{quote}”",
            };
        }

        /// <summary>Reported speech: "According to X, …", "X warned that …".</summary>
        private string ReportedParagraph(Speaker speaker)
        {
            var name = introduced.Add(speaker) ? $"{speaker.Full}, {speaker.Role}," : speaker.Short;
            var clause = Lower(Sentence(Vocabulary.NarrativeSentences)).TrimEnd('.');
            return random.Next(3) switch
            {
                0 => $"According to {name.TrimEnd(',')}, {clause}." + MaybeNarrative(),
                1 => $"{name} {Pick(Vocabulary.ThatVerbs)} that {clause}." + MaybeNarrative(),
                _ => Narrative(1) + $" {name} {Pick(Vocabulary.ThatVerbs)} that {clause}.",
            };
        }

        /// <summary>A sentence with a dated event: deadlines, expiries, meetings, durations.</summary>
        private string DatedParagraph()
        {
            var ahead = published.AddDays(random.Next(1, 400));
            var before = published.AddDays(-random.Next(1, 200));
            var n = Pick(Vocabulary.Durations);
            var sentence = random.Next(9) switch
            {
                0 => $"The truce on {topic} expires on {AnyDate(ahead)}.",
                1 => $"Negotiators are scheduled to meet in {Pick(Vocabulary.Places)} on {AnyDate(ahead)} to review {topic}.",
                2 => $"Both sides agreed to extend the pause on {topic} until {LongDate(ahead)}.",
                3 => $"The two governments agreed on {LongDate(before)} to a {n}-day truce covering {topic}.",
                4 => $"{Capital(Pick(Vocabulary.Organisations))} set a deadline of {LongDate(ahead)} for comments on {secondTopic}.",
                5 => $"The new rules on {topic} took effect on {AnyDate(before)}.",
                6 => $"Officials expect a decision on {secondTopic} in {Vocabulary.Months[ahead.Month - 1]} {ahead.Year}.",
                7 => $"A summit in {Pick(Vocabulary.Places)} is planned for {Vocabulary.Months[ahead.Month - 1]} {ahead.Day}.",
                _ => $"The {Pick(Vocabulary.Nouns)} on {topic} will be reviewed by {LongDate(ahead)}, {Pick(Vocabulary.Organisations)} said.",
            };
            return random.Next(2) == 0 ? sentence + " " + Narrative(random.Next(1, 3)) : Narrative(1) + " " + sentence;
        }

        private string MaybeNarrative() => random.Next(3) == 0 ? " " + Narrative(1) : "";

        private string Quote(int sentences) =>
            string.Join(' ', Enumerable.Range(0, sentences).Select(_ => Sentence(Vocabulary.QuoteSentences)));

        private string Fragment() => Sentence(Vocabulary.QuoteSentences);

        private string Sentence(string[] templates) => Capital(Fill(Pick(templates)));

        /// <summary>Replaces each <c>{slot}</c> of <paramref name="template"/> with a random filler of its kind.</summary>
        private string Fill(string template)
        {
            var text = new StringBuilder(template.Length * 2);
            for (var i = 0; i < template.Length; i++)
            {
                if (template[i] != '{')
                {
                    text.Append(template[i]);
                    continue;
                }
                var end = template.IndexOf('}', i);
                text.Append(Slot(template[(i + 1)..end]));
                i = end;
            }
            return text.ToString();
        }

        private string Slot(string slot) => slot switch
        {
            "topic" => random.Next(3) == 0 ? secondTopic : topic,
            "anytopic" => Pick(Vocabulary.Topics),
            "place" => random.Next(2) == 0 ? place : Pick(Vocabulary.Places),
            "a" => sides.A,
            "b" => sides.B,
            "country" => Pick(Vocabulary.Countries),
            "org" => Pick(Vocabulary.Organisations),
            "company" => $"{ProperNoun()} {Pick(Vocabulary.CompanyKinds)}",
            "proper" => ProperNoun(),
            "adj" => Pick(Vocabulary.Adjectives),
            "noun" => Pick(Vocabulary.Nouns),
            "nouns" => Pick(Vocabulary.PluralNouns),
            "verb" => Pick(Vocabulary.PastVerbs),
            "num" => random.Next(2, 60).ToString(CultureInfo.InvariantCulture),
            "pct" => $"{random.Next(1, 60)} percent",
            "money" => $"US${random.Next(1, 900)}.{random.Next(10)} {(random.Next(2) == 0 ? "billion" : "million")}",
            "year" => (published.Year - random.Next(0, 12)).ToString(CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"Unknown slot {{{slot}}}"),
        };

        private string ProperNoun() => Vocabulary.ProperNoun(ProperNounRank.Sample(random));

        private string Institution() => random.Next(3) switch
        {
            0 => $"the University of {Pick(Vocabulary.Places)}",
            1 => $"the {ProperNoun()} Institute for {Pick(Vocabulary.Fields)}",
            _ => $"the {Pick(Vocabulary.Places)} Center for {Pick(Vocabulary.Fields)}",
        };

        private string Pronoun() => random.Next(2) == 0 ? "she" : "he";

        private string AnyDate(DateOnly date) => random.Next(6) switch
        {
            0 => $"{Vocabulary.ShortMonths[date.Month - 1]} {date.Day}, {date.Year}",
            1 => $"{date.Day} {Vocabulary.Months[date.Month - 1]} {date.Year}",
            2 => $"{Vocabulary.Months[date.Month - 1]} {date.Day}",
            3 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => LongDate(date),
        };

        private T Pick<T>(T[] items) => items[random.Next(items.Length)];
    }

    /// <summary>A well-spread seed for article <paramref name="number"/> (splitmix64; HashCode is randomised per process).</summary>
    private static int Mix(int seed, int number)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)number) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private static string LongDate(DateOnly date) => $"{Vocabulary.Months[date.Month - 1]} {date.Day}, {date.Year}";

    private static string Author(int rank) => Speaker.Of(PeoplePool + rank).Full;

    private static string Comma(string quote) => quote.EndsWith('.') ? quote[..^1] + "," : quote;

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string TitleCase(string text) => string.Join(' ', text.Split(' ').Select(
        (w, i) => i > 0 && Vocabulary.SmallWords.Contains(w) ? w : Capital(w)));

    /// <summary>A person of the pool: given and family name, the short form the article uses after the first mention, and a role.</summary>
    private sealed record Speaker(string Full, string Short, string Role)
    {
        public static Speaker Of(int rank)
        {
            // Deterministic in the rank alone, so a person is the same in every article and every corpus size.
            var r = new Random(rank * 7919 + 17);
            var role = r.Next(4) switch
            {
                0 => $"a professor of {Vocabulary.Fields[r.Next(Vocabulary.Fields.Length)]} at the University of {Vocabulary.Places[r.Next(Vocabulary.Places.Length)]}",
                1 => $"a senior fellow at the {Vocabulary.ProperNoun(r.Next(ProperNounPool))} Institute",
                2 => $"the {Vocabulary.Titles[r.Next(Vocabulary.Titles.Length)]} of {Vocabulary.Countries[r.Next(Vocabulary.Countries.Length)]}",
                _ => $"chief economist at {Vocabulary.ProperNoun(r.Next(ProperNounPool))} {Vocabulary.CompanyKinds[r.Next(Vocabulary.CompanyKinds.Length)]}",
            };
            if (r.Next(4) == 0)
            {
                // Family name first ("Wu Xinbo"), referred to by the family name.
                var family = Vocabulary.EastAsianFamilyNames[r.Next(Vocabulary.EastAsianFamilyNames.Length)];
                var given = Vocabulary.EastAsianGivenNames[r.Next(Vocabulary.EastAsianGivenNames.Length)];
                return new Speaker($"{family} {given}", family, role);
            }
            var first = Vocabulary.FirstNames[r.Next(Vocabulary.FirstNames.Length)];
            var last = Vocabulary.LastNames[r.Next(Vocabulary.LastNames.Length)];
            return new Speaker($"{first} {last}", last, role);
        }
    }

    /// <summary>Collects the questions a user of this corpus would ask: about the people it quotes and its topics.</summary>
    private sealed class QuestionSampler(int seed, int perKind)
    {
        private readonly Random random = new(seed ^ 0x0A5C);
        private readonly List<string> speakers = [];
        private readonly HashSet<string> seen = [];
        private readonly List<(string Topic, string Other)> topics = [];

        public void Observe(Article article)
        {
            foreach (var speaker in article.Speakers)
                if (seen.Add(speaker)) speakers.Add(speaker);
            topics.Add((article.Topics[0], article.Topics[1]));
        }

        public string ToJson()
        {
            var cases = new List<object>();
            for (var i = 0; i < perKind && speakers.Count > 0; i++)
            {
                // Distinct people chosen uniformly: a user asks about anyone quoted, not only the most quoted.
                var name = speakers[random.Next(speakers.Count)];
                var q = random.Next(4) switch
                {
                    0 => $"What did {name} say?",
                    1 => $"what did {name} argue",
                    2 => $"What did {name} say about {topics[random.Next(topics.Count)].Topic}?",
                    _ => $"quotes by {name}",
                };
                cases.Add(new { id = $"speaker-{i}", q, kind = "speaker" });
            }
            for (var i = 0; i < perKind && topics.Count > 0; i++)
            {
                var (topic, other) = topics[random.Next(topics.Count)];
                var place = Vocabulary.Places[random.Next(Vocabulary.Places.Length)];
                var q = random.Next(5) switch
                {
                    0 => $"What was agreed about {topic} in {place}?",
                    1 => $"When does the truce on {topic} expire?",
                    2 => $"{topic} and {other}",
                    3 => $"Who called the talks on {topic} a turning point?",
                    _ => $"How will {topic} affect {other}?",
                };
                cases.Add(new { id = $"text-{i}", q, kind = "any" });
            }
            return JsonSerializer.Serialize(new { about = "Generated with the synthetic corpus (bench/BriefingBot.Benchmarks/SyntheticCorpus.cs).", cases },
                new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
    }

    /// <summary>Zipf-distributed ranks 0..n-1 by inverse transform over the cumulative weights.</summary>
    private sealed class Zipf
    {
        private readonly double[] cumulative;

        public Zipf(int n, double exponent)
        {
            cumulative = new double[n];
            var sum = 0.0;
            for (var k = 0; k < n; k++) cumulative[k] = sum += 1 / Math.Pow(k + 1, exponent);
            for (var k = 0; k < n; k++) cumulative[k] /= sum;
        }

        public int Sample(Random random)
        {
            var i = Array.BinarySearch(cumulative, random.NextDouble());
            return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
        }
    }
}
