using System.Diagnostics;
using BriefingBot.Corpus;
using BriefingBot.Quotes;
using BriefingBot.Search;
using BriefingBot.Timeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Briefing;

/// <summary>
/// The one door every front end (CLI, Discord, Teams, scheduler) goes through: questions in, platform-neutral
/// <see cref="Answer"/>, <see cref="Digest"/> and <see cref="Milestone"/> records out. Thread-safe; one
/// instance per process. Queries are answered from the current index while a rebuild runs.
/// </summary>
public sealed partial class BriefingService
{
    private readonly BriefingOptions options;
    private readonly BriefingIndex index;
    private readonly CorpusReader reader;
    private readonly TimeProvider time;
    private readonly ILogger<BriefingService> logger;
    private readonly BriefingMetrics? metrics;
    private volatile CatalogView view = CatalogView.Empty;

    /// <param name="metrics">Where questions answered and their latency are recorded; none when null.</param>
    public BriefingService(
        IOptions<BriefingOptions> options,
        BriefingIndex index,
        CorpusReader reader,
        TimeProvider time,
        ILogger<BriefingService> logger,
        BriefingMetrics? metrics = null)
    {
        this.options = options.Value;
        this.index = index;
        this.reader = reader;
        this.time = time;
        this.logger = logger;
        this.metrics = metrics;
    }

    /// <summary>The index generation serving queries now (articles, people, timeline).</summary>
    public IndexCatalog Catalog => index.Catalog;

    /// <summary>Answers a question; never throws on user text (empty, Lucene syntax, 10,000 characters).</summary>
    /// <param name="top">Cap on results; null means every quotation for a person, else <see cref="BriefingOptions.DefaultTop"/> passages.</param>
    public Answer Ask(string question, int? top = null)
    {
        var started = time.GetTimestamp();
        var asked = QuestionReader.Normalise(question ?? "");
        if (asked.Length == 0)
            return Measured(started, "empty",
                new Answer(question ?? "", [], "Ask a question, for example “what did <name> say?” or “what was agreed about tariffs?”."));
        if (top is < 1) top = 1;
        // One generation for the whole answer, even if a rebuild switches generations meanwhile.
        using var snapshot = index.Snapshot();
        if (!snapshot.Exists) return Measured(started, "not_ready", new Answer(asked, [], IndexNotReady));
        return QuestionReader.Read(asked) switch
        {
            Question.ForSpeaker q => Measured(started, "speaker",
                AnswerForSpeaker(snapshot, q.Text, q.Name, q.Topic, top) ?? AnswerForWordsAsked(snapshot, q.Text, top) ?? AnswerWithPassages(snapshot, q.Text, top)),
            Question.ForWhoSaid q => Measured(started, "who_said", AnswerWhoSaid(snapshot, q, top ?? options.DefaultTop)),
            Question.ForWhen q => Measured(started, "when", AnswerWhen(snapshot, q, top ?? options.DefaultTop)),
            var q => AnswerForWordsAsked(snapshot, q.Text, top) is { } words
                ? Measured(started, "speaker", words)
                : Measured(started, "passages", AnswerWithPassages(snapshot, q.Text, top)),
        };
    }

    /// <summary>Every quotation of <paramref name="person"/> (the <c>/said</c> command), reported speech after.</summary>
    public Answer Said(string person, int? top = null)
    {
        var started = time.GetTimestamp();
        var name = QuestionReader.Normalise(person ?? "");
        if (name.Length == 0) return Measured(started, "empty", new Answer(person ?? "", [], "Name a person, for example “/said Xi Jinping”."));
        using var snapshot = index.Snapshot();
        if (!snapshot.Exists) return Measured(started, "not_ready", new Answer(name, [], IndexNotReady));
        return Measured(started, "speaker", AnswerForSpeaker(snapshot, name, name, topic: null, top) ?? NeverQuoted(snapshot, name, name, top));
    }

    /// <summary>The whole timeline, oldest first.</summary>
    public IReadOnlyList<Milestone> Timeline() => index.Catalog.Milestones;

    /// <summary>Milestones not yet over on <paramref name="from"/>, within <paramref name="days"/> if given, soonest first.</summary>
    public IReadOnlyList<Milestone> Upcoming(DateOnly from, int? days = null) => Upcoming(Timeline(), from, days);

    private static List<Milestone> Upcoming(IReadOnlyList<Milestone> timeline, DateOnly from, int? days)
    {
        var until = days is { } d ? from.AddDays(d) : DateOnly.MaxValue;
        return timeline.Where(m => LastDay(m) >= from && m.Date <= until).ToList();
    }

    /// <summary>True when the milestone's last day (the end of its month or year for a partial date) is before <paramref name="today"/>.</summary>
    public static bool IsPast(Milestone milestone, DateOnly today) => LastDay(milestone) < today;

    /// <summary>Canonical names of quoted people matching <paramref name="prefix"/> (any word of the name or an alias), for autocomplete.</summary>
    public IReadOnlyList<string> Speakers(string prefix, int max = 25) =>
        View(index.Catalog).Directory.Search(prefix ?? "", max).Select(p => p.Name).ToList();

    /// <summary>The digest for <paramref name="today"/>: milestones in the next <paramref name="horizonDays"/> days (superseded
    /// ones left out), articles indexed after <paramref name="since"/> and their notable quotations.</summary>
    public Digest BuildDigest(DateOnly today, int horizonDays, DateTimeOffset? since)
    {
        using var snapshot = index.Snapshot();
        var catalog = snapshot.Catalog;
        var upcoming = Upcoming(catalog.Milestones, today, horizonDays).Where(m => m.SupersededBy is null).ToList();
        var fresh = catalog.Articles.Values
            .Where(a => since is null || a.IndexedAt > since)
            .OrderByDescending(a => a.Ref.Published ?? DateOnly.MinValue).ThenBy(a => a.Ref.Id, StringComparer.Ordinal)
            .Select(a => a.Ref)
            .ToList();
        var notable = snapshot.QuotationsIn(fresh.Select(a => a.Id))
            .Select(hit => hit.Quotation)
            .Where(q => q is { Kind: QuotationKind.Direct, Speaker: not null })
            .GroupBy(q => q.Speaker)
            .Select(g => g.OrderByDescending(q => q.Text.Length).First())
            .Take(NotableQuotesPerDigest)
            .Select(q => Item(catalog, q, score: 0))
            .ToList();
        return new Digest(today, horizonDays, upcoming, fresh, notable);
    }

    /// <summary>
    /// Rebuilds the index from the corpus folder (one rebuild at a time; queries keep being answered from the
    /// old index) and reports what changed.
    /// </summary>
    /// <exception cref="CorpusFolderNotFoundException">The corpus folder does not exist.</exception>
    public async Task<ReindexReport> ReindexAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var snapshot = await BuildThread.Run(() => reader.Read(options.Corpus), cancellationToken);
        // Analysed in the background while the old index is consulted and the new one is written: the quotations first,
        // then the timeline while the quotations' part of the index is written.
        var quotations = BuildThread.Run(() => QuotationsOf(snapshot), cancellationToken);
        var milestones = TimelineAfterAsync(quotations);
        using var served = index.Snapshot();
        var before = served.Catalog;
        var touched = snapshot.Articles
            .Where(a => !before.Articles.TryGetValue(a.Id, out var known) || known.ContentHash != a.ContentHash)
            .Select(a => a.Id)
            .ToHashSet(StringComparer.Ordinal);
        var quotedBefore = served.QuotationsIn(touched.Where(before.Articles.ContainsKey))
            .Select(hit => QuotationKey(hit.Quotation))
            .ToHashSet(StringComparer.Ordinal);
        var (_, after) = await index.RebuildAsync(snapshot, quotations, milestones, cancellationToken);
        // Keys only when there is something to compare with: a first build quotes nothing before.
        var quotationsAdded = (await quotations).Quotations.Count(q =>
            touched.Contains(q.Article.Id) && (quotedBefore.Count == 0 || !quotedBefore.Contains(QuotationKey(q))));
        var report = ReindexDiff.Compare(before, after, quotationsAdded, snapshot.Warnings, clock.Elapsed);
        logger.LogInformation(
            "Indexed {Articles} articles, {Passages} passages, {Quotations} quotations, {Milestones} milestones in {Seconds:F2}s",
            report.Articles, report.Passages, report.Quotations, report.Timeline.Count, report.Elapsed.TotalSeconds);
        return report;

        async Task<IReadOnlyList<Milestone>> TimelineAfterAsync(Task first)
        {
            await first;
            return await BuildThread.Run(() => new TimelineBuilder(new DateExtractor()).Build(snapshot.Articles), cancellationToken);
        }
    }

    /// <summary>Builds the index when it is missing or older than the corpus; returns the report, or null when it was current.</summary>
    /// <exception cref="CorpusFolderNotFoundException">The corpus folder does not exist.</exception>
    public async Task<ReindexReport?> EnsureIndexAsync(CancellationToken cancellationToken = default) =>
        await IsStaleAsync(cancellationToken) ? await ReindexAsync(cancellationToken) : null;

    /// <summary>True when there is no index yet or the corpus folder changed since it was built.</summary>
    /// <exception cref="CorpusFolderNotFoundException">The corpus folder does not exist.</exception>
    public async Task<bool> IsStaleAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(options.Corpus)) throw new CorpusFolderNotFoundException(options.Corpus);
        if (!index.Exists) return true;
        var fingerprint = await Task.Run(() => CorpusFingerprint.Compute(options.Corpus), cancellationToken);
        return index.Catalog.Fingerprint != fingerprint;
    }

    private Answer Measured(long started, string intent, Answer answer)
    {
        metrics?.QuestionAnswered(intent, answer.Results.Count > 0, time.GetElapsedTime(started));
        return answer;
    }

    internal static string QuotationKey(Quotation q) => $"{q.Article.Id}\u0001{q.Speaker}\u0001{q.Text}";

    private const int NotableQuotesPerDigest = 5;

    private const string IndexNotReady = "The index is still being built; ask again in a moment.";

    private static QuotationAnalysis QuotationsOf(CorpusSnapshot snapshot)
    {
        var extractor = new QuotationExtractor();
        // Articles are read independently, on every core; the results keep corpus order.
        var found = snapshot.Articles.AsParallel().AsOrdered().Select(extractor.Extract).ToList();
        var quotations = found.SelectMany(f => f.Quotations);
        // Merged across articles: "Victor Gao" in one article and "Gao Zhikai" in another are one speaker.
        var directory = PersonDirectory.Build(found.SelectMany(f => f.People));
        return new QuotationAnalysis(quotations.Select(directory.Canonicalize).ToList(), directory.People);
    }

    private static DateOnly LastDay(Milestone m) => m.Precision switch
    {
        DatePrecision.Year => new DateOnly(m.Date.Year, 12, 31),
        DatePrecision.Month => new DateOnly(m.Date.Year, m.Date.Month, DateTime.DaysInMonth(m.Date.Year, m.Date.Month)),
        _ => m.Date,
    };

    /// <summary>Lookups over the generation now serving (its person directory, its milestones by id), built once per generation.</summary>
    private CatalogView View(IndexCatalog catalog)
    {
        var current = view;
        if (!ReferenceEquals(current.Catalog, catalog))
            view = current = CatalogView.Of(catalog);
        return current;
    }

    private sealed record CatalogView(IndexCatalog Catalog, PersonDirectory Directory, IReadOnlyDictionary<string, Milestone> MilestonesById)
    {
        public static CatalogView Empty { get; } = Of(IndexCatalog.Empty);

        public static CatalogView Of(IndexCatalog catalog)
        {
            var milestones = new Dictionary<string, Milestone>(StringComparer.Ordinal);
            foreach (var milestone in catalog.Milestones) milestones.TryAdd(milestone.Id, milestone);
            return new CatalogView(catalog, PersonDirectory.Build(catalog.People), milestones);
        }
    }
}
