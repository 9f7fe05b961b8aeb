using System.Collections.Concurrent;
using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Delivery;
using BriefingBot.Scheduling;
using BriefingBot.Timeline;

namespace BriefingBot.Tests.Scheduling;

/// <summary>Milestones built directly, for schedules that need exact dates.</summary>
internal static class Milestones
{
    public static readonly ArticleRef Article = new("wire/truce", "Truce extended", "A. Writer", new DateOnly(2026, 1, 5), "wire/truce.txt");

    public static Milestone Day(string id, DateOnly date, string? supersededBy = null) =>
        new(id, date, DatePrecision.Day, $"deadline {id}", MilestoneKind.Deadline,
            $"The suspension {id} runs until {date:MMMM d, yyyy}.", Article, 3, supersededBy);

    public static Milestone Month(string id, DateOnly firstOfMonth) =>
        new(id, firstOfMonth, DatePrecision.Month, $"talks {id}", MilestoneKind.Event, $"Talks {id} resume in {firstOfMonth:MMMM}.", Article, 4);
}

/// <summary>The briefing core's side of the scheduler, with a timeline the test sets.</summary>
internal sealed class FixedTimeline(params Milestone[] milestones) : ITimelineSource
{
    private volatile IReadOnlyList<Milestone> milestones = milestones;

    public ConcurrentQueue<(DateOnly Today, int HorizonDays, DateTimeOffset? Since)> DigestRequests { get; } = new();

    public IReadOnlyList<Milestone> Milestones
    {
        get => milestones;
        set => milestones = value;
    }

    /// <summary>When set, reading the timeline throws, as a bot without an index would.</summary>
    public bool Fail { get; set; }

    public IReadOnlyList<Milestone> Timeline() => Fail ? throw new InvalidOperationException("no index yet") : milestones;

    public Digest BuildDigest(DateOnly today, int horizonDays, DateTimeOffset? since)
    {
        DigestRequests.Enqueue((today, horizonDays, since));
        var upcoming = milestones.Where(m => m.Date >= today && m.Date <= today.AddDays(horizonDays)).ToList();
        return new Digest(today, horizonDays, upcoming, [], []);
    }
}

/// <summary>An <see cref="IChannelPoster"/> at the boundary: records every post, answers what the test scripted.</summary>
internal sealed class RecordingPoster(string platform) : IChannelPoster
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DeliveryResult>> scripted = new();
    private readonly ConcurrentQueue<(ChannelAddress Channel, Post Post)> attempts = new();

    public string Platform => platform;

    /// <summary>Every call, failed or not, in order.</summary>
    public IReadOnlyList<(ChannelAddress Channel, Post Post)> Attempts => [.. attempts];

    /// <summary>The posts that were delivered.</summary>
    public List<(ChannelAddress Channel, Post Post)> Delivered { get; } = [];

    /// <summary>The next calls for <paramref name="channel"/> answer these, in order; then delivered.</summary>
    public void Script(string channel, params DeliveryResult[] results) =>
        scripted.GetOrAdd(channel, _ => new()).EnqueueRange(results);

    public Task<DeliveryResult> PostAsync(ChannelAddress channel, Post post, CancellationToken cancellationToken)
    {
        attempts.Enqueue((channel, post));
        var result = scripted.TryGetValue(channel.ToString(), out var queue) && queue.TryDequeue(out var next) ? next : DeliveryResult.Delivered;
        if (result.Status == DeliveryStatus.Delivered)
            lock (Delivered) Delivered.Add((channel, post));
        return Task.FromResult(result);
    }

    public IReadOnlyList<(ChannelAddress Channel, Post Post)> DeliveredSnapshot()
    {
        lock (Delivered) return [.. Delivered];
    }
}

internal static class ConcurrentQueueExtensions
{
    public static void EnqueueRange<T>(this ConcurrentQueue<T> queue, IEnumerable<T> items)
    {
        foreach (var item in items) queue.Enqueue(item);
    }
}
