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
    private readonly TimeProvider time;
    private readonly ILogger<BriefingService> logger;

    public BriefingService(IOptions<BriefingOptions> options, TimeProvider time, ILogger<BriefingService> logger)
    {
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
    }

    // SKELETON: the signatures below are the contract the adapters and the scheduler build on.

    /// <summary>Answers a question; never throws on user text (empty, Lucene syntax, 10,000 characters).</summary>
    /// <param name="top">Cap on results; null means every quotation for a person, else 5 passages.</param>
    public Answer Ask(string question, int? top = null) => throw new NotImplementedException();

    /// <summary>The whole timeline, oldest first.</summary>
    public IReadOnlyList<Milestone> Timeline() => throw new NotImplementedException();

    /// <summary>Milestones dated on or after <paramref name="from"/>, within <paramref name="days"/> if given, soonest first.</summary>
    public IReadOnlyList<Milestone> Upcoming(DateOnly from, int? days = null) => throw new NotImplementedException();

    /// <summary>Canonical names of quoted people starting with (or containing) <paramref name="prefix"/>, for autocomplete.</summary>
    public IReadOnlyList<string> Speakers(string prefix, int max = 25) => throw new NotImplementedException();

    /// <summary>The digest for <paramref name="today"/>: milestones in the next <paramref name="horizonDays"/> days,
    /// articles indexed after <paramref name="since"/> and their attributed quotations.</summary>
    public Digest BuildDigest(DateOnly today, int horizonDays, DateTimeOffset? since) => throw new NotImplementedException();

    /// <summary>Rebuilds the index from the corpus folder (one rebuild at a time; queries keep being answered
    /// from the old index) and reports what changed.</summary>
    public Task<ReindexReport> ReindexAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
