using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord;

/// <summary>
/// Work answered later: the interaction was acknowledged with a deferred reply (type 5), and <see cref="Work"/>
/// produces the messages that finish it.
/// </summary>
/// <param name="InteractionId">Discord may deliver an interaction more than once; the id keeps it from running twice.</param>
/// <param name="Token">The interaction token the reply is edited with. A secret: never logged.</param>
/// <param name="Ephemeral">Whether the deferred reply was ephemeral (fixed at defer time).</param>
/// <param name="Command">For logs: which command this answers.</param>
public sealed record FollowUpJob(
    string InteractionId,
    string Token,
    bool Ephemeral,
    string Command,
    Func<CancellationToken, Task<IReadOnlyList<DiscordMessage>>> Work);

public enum EnqueueResult
{
    Queued,

    /// <summary>Already queued or done for this interaction id: acknowledge again, do not run again.</summary>
    Duplicate,

    /// <summary>Too much waiting already: tell the user the bot is busy.</summary>
    Full,
}

/// <summary>
/// Finishes deferred interactions in the background: runs each job, edits the original reply with the first
/// message (<c>PATCH …/messages/@original</c>) and posts the rest as follow-ups. A job that fails is logged and
/// its invoker gets an ephemeral error instead of a reply that never comes. Interaction ids are remembered for the
/// token's 15-minute life, so a redelivered interaction is not answered twice.
/// </summary>
public sealed class DiscordFollowUpQueue : BackgroundService
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private readonly Channel<FollowUpJob> jobs;
    private readonly DiscordRestClient rest;
    private readonly DiscordMessageRenderer renderer;
    private readonly TimeProvider time;
    private readonly ILogger<DiscordFollowUpQueue> logger;
    private readonly int workers;
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> seen = [];

    public DiscordFollowUpQueue(
        DiscordRestClient rest,
        DiscordMessageRenderer renderer,
        IOptions<DiscordOptions> options,
        TimeProvider time,
        ILogger<DiscordFollowUpQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.rest = rest;
        this.renderer = renderer;
        this.time = time;
        this.logger = logger;
        workers = options.Value.FollowUpWorkers;
        jobs = Channel.CreateBounded<FollowUpJob>(new BoundedChannelOptions(options.Value.FollowUpQueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Queues a job unless its interaction was seen in the last 15 minutes or the queue is full. Never blocks.</summary>
    public EnqueueResult TryEnqueue(FollowUpJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = time.GetUtcNow();
        lock (gate)
        {
            foreach (var expired in seen.Where(s => s.Value <= now).Select(s => s.Key).ToList()) seen.Remove(expired);
            if (seen.ContainsKey(job.InteractionId)) return EnqueueResult.Duplicate;
            if (!jobs.Writer.TryWrite(job)) return EnqueueResult.Full;
            seen[job.InteractionId] = now + TokenLifetime;
            return EnqueueResult.Queued;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RunAsync(job, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A worker outlives any one job.
                    logger.LogError(ex, "/{Command} (interaction {InteractionId}) could not be finished", job.Command, job.InteractionId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: interactions still queued go unanswered and Discord shows them as failed.
        }
    }

    private async Task RunAsync(FollowUpJob job, CancellationToken stoppingToken)
    {
        IReadOnlyList<DiscordMessage> messages;
        try
        {
            messages = await job.Work(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "/{Command} (interaction {InteractionId}) failed", job.Command, job.InteractionId);
            await ReportFailureAsync(job, stoppingToken);
            return;
        }

        var edited = await rest.EditOriginalResponseAsync(job.Token, messages[0], stoppingToken);
        if (!edited.Succeeded)
        {
            logger.LogError("/{Command} (interaction {InteractionId}): the reply could not be sent: {Detail}", job.Command, job.InteractionId, edited.Detail);
            await ReportFailureAsync(job, stoppingToken);
            return;
        }
        foreach (var message in messages.Skip(1))
        {
            var followUp = await rest.CreateFollowUpAsync(job.Token, job.Ephemeral ? message with { Flags = DiscordMessage.Ephemeral } : message, stoppingToken);
            if (!followUp.Succeeded)
            {
                logger.LogError("/{Command} (interaction {InteractionId}): a follow-up could not be sent: {Detail}", job.Command, job.InteractionId, followUp.Detail);
                return;
            }
        }
    }

    // Ephemerality is fixed when the reply is deferred: an ephemeral one is edited into the error; a public
    // "thinking…" is removed and the error sent to the invoker alone.
    private async Task ReportFailureAsync(FollowUpJob job, CancellationToken stoppingToken)
    {
        var error = renderer.Notice($"Sorry, /{job.Command} failed. The error has been logged; please try again later.");
        var reported = job.Ephemeral
            ? await rest.EditOriginalResponseAsync(job.Token, error, stoppingToken)
            : await DeleteThenFollowUpAsync(job.Token, error, stoppingToken);
        if (!reported.Succeeded)
            logger.LogWarning("/{Command} (interaction {InteractionId}): the error could not be reported to the user: {Detail}", job.Command, job.InteractionId, reported.Detail);
    }

    private async Task<DiscordRestResult> DeleteThenFollowUpAsync(string token, DiscordMessage error, CancellationToken stoppingToken)
    {
        var deleted = await rest.DeleteOriginalResponseAsync(token, stoppingToken);
        return deleted.Succeeded ? await rest.CreateFollowUpAsync(token, error, stoppingToken) : deleted;
    }
}
