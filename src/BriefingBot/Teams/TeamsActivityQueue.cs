using System.Threading.Channels;

namespace BriefingBot.Teams;

/// <summary>An authenticated message waiting for its answer, with the conversation to answer in.</summary>
public sealed record PendingMessage(Activity Activity, ConversationReference Conversation);

/// <summary>
/// Messages accepted by <c>POST /api/messages</c>, answered in the background: Teams wants its request acknowledged
/// within ~15 s and re-delivers otherwise, while a reindex or a throttled reply can take longer. Activities Teams
/// re-delivers are recognised by id and answered once.
/// </summary>
public sealed class TeamsActivityQueue(TimeProvider time)
{
    private const int Capacity = 256;
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(15);

    private readonly Channel<PendingMessage> pending = Channel.CreateBounded<PendingMessage>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Dictionary<string, DateTimeOffset> seen = [];
    private readonly Queue<(string Key, DateTimeOffset At)> seenOrder = new();

    /// <summary>Queues a message. Returns <see cref="EnqueueResult.Duplicate"/> for one already queued, and
    /// <see cref="EnqueueResult.Full"/> when the bot is too far behind to take more.</summary>
    public EnqueueResult TryEnqueue(PendingMessage message)
    {
        var key = $"{message.Conversation.BaseConversationId}|{message.Activity.Id}";
        lock (seen)
        {
            Forget(time.GetUtcNow() - RememberFor);
            if (message.Activity.Id is not null && seen.ContainsKey(key)) return EnqueueResult.Duplicate;
            if (!pending.Writer.TryWrite(message)) return EnqueueResult.Full;
            if (message.Activity.Id is not null)
            {
                var now = time.GetUtcNow();
                seen[key] = now;
                seenOrder.Enqueue((key, now));
            }
            return EnqueueResult.Queued;
        }
    }

    /// <summary>The queued messages, in arrival order, until <paramref name="cancellationToken"/> fires.</summary>
    public IAsyncEnumerable<PendingMessage> ReadAllAsync(CancellationToken cancellationToken) => pending.Reader.ReadAllAsync(cancellationToken);

    private void Forget(DateTimeOffset before)
    {
        while (seenOrder.TryPeek(out var oldest) && (oldest.At < before || seenOrder.Count > 4 * Capacity))
        {
            seenOrder.Dequeue();
            seen.Remove(oldest.Key);
        }
    }
}

/// <summary>What became of a message offered to <see cref="TeamsActivityQueue"/>.</summary>
public enum EnqueueResult
{
    Queued,
    Duplicate,
    Full,
}

/// <summary>Answers queued Teams messages one at a time, in arrival order; one failing answer never stops the next.</summary>
public sealed class TeamsActivityWorker(TeamsActivityQueue queue, TeamsBot bot, ILogger<TeamsActivityWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in queue.ReadAllAsync(stoppingToken))
                await AnswerAsync(message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; Teams re-delivers what was not answered.
        }
    }

    private async Task AnswerAsync(PendingMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await bot.ReplyAsync(message.Activity, message.Conversation, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Answering Teams activity {Id} failed", message.Activity.Id);
        }
    }
}
