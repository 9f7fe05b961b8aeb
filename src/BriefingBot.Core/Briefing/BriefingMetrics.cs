using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BriefingBot.Briefing;

/// <summary>
/// The bot's own measurements, on the <see cref="MeterName"/> meter (plain <see cref="System.Diagnostics.Metrics"/>:
/// the host decides whether and where they are exported). Questions are recorded by <see cref="BriefingService"/>,
/// where every front end's questions pass and their intent is known; scheduled posts by the host's delivery, which
/// knows the platform; reindexes by the host's admin reindex, which every entry point goes through. Thread-safe.
/// </summary>
public sealed class BriefingMetrics
{
    public const string MeterName = "BriefingBot";

    private readonly Counter<long> questions;
    private readonly Histogram<double> answerDuration;
    private readonly Counter<long> postsSent;
    private readonly Counter<long> postsFailed;
    private readonly Histogram<double> reindexDuration;

    public BriefingMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        questions = meter.CreateCounter<long>(
            "briefingbot.questions", "{question}", "Questions answered, by intent (speaker, who_said, when, passages, empty, not_ready).");
        answerDuration = meter.CreateHistogram<double>(
            "briefingbot.answer.duration", "ms", "Time to answer one question, by intent.");
        postsSent = meter.CreateCounter<long>(
            "briefingbot.posts.sent", "{post}", "Scheduled posts delivered, by kind (reminder, digest) and platform.");
        postsFailed = meter.CreateCounter<long>(
            "briefingbot.posts.failed", "{post}", "Scheduled post attempts that failed, by kind, platform and failure (transient, permanent).");
        reindexDuration = meter.CreateHistogram<double>(
            "briefingbot.reindex.duration", "s", "Time to rebuild the index and re-plan reminders, by outcome (ok, failed).");
    }

    /// <summary>One question answered. <paramref name="intent"/>: <c>speaker</c>, <c>who_said</c>, <c>when</c>, <c>passages</c>, <c>empty</c> or <c>not_ready</c>.</summary>
    public void QuestionAnswered(string intent, bool found, TimeSpan elapsed)
    {
        var tags = new TagList { { "intent", intent }, { "found", found } };
        questions.Add(1, tags);
        answerDuration.Record(elapsed.TotalMilliseconds, new TagList { { "intent", intent } });
    }

    /// <summary>A scheduled post was delivered. <paramref name="kind"/>: <c>reminder</c> or <c>digest</c>.</summary>
    public void PostSent(string kind, string platform) =>
        postsSent.Add(1, new TagList { { "kind", kind }, { "platform", platform } });

    /// <summary>A scheduled post attempt failed; a transient failure may be retried.</summary>
    public void PostFailed(string kind, string platform, bool permanent) =>
        postsFailed.Add(1, new TagList { { "kind", kind }, { "platform", platform }, { "failure", permanent ? "permanent" : "transient" } });

    /// <summary>A reindex finished (<paramref name="succeeded"/>) or failed after <paramref name="elapsed"/>.</summary>
    public void Reindexed(TimeSpan elapsed, bool succeeded) =>
        reindexDuration.Record(elapsed.TotalSeconds, new TagList { { "outcome", succeeded ? "ok" : "failed" } });
}
