namespace BriefingBot.Scheduling;

/// <summary>
/// Runs before Quartz starts firing (it is registered ahead of Quartz's hosted service, and Quartz waits for the
/// application to have started): prepares the store, takes back claims a dead process left pending (single-node
/// stores only: there, no other process can hold one), and plans the schedule from the current timeline, so
/// reminders missed while the bot was down are due at once.
/// </summary>
public sealed class SchedulingStartup(
    SchedulingStorage storage,
    SchedulingDatabase database,
    IDeliveryLedger ledger,
    ScheduleSynchronizer synchronizer,
    TimeProvider time,
    ILogger<SchedulingStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureReadyAsync(cancellationToken);
        if (database.Kind == StoreKind.Sqlite)
        {
            var released = await ledger.ReleasePendingAsync(time.GetUtcNow(), cancellationToken);
            if (released > 0)
                logger.LogWarning("{Count} posts were being sent when the bot last stopped; they will be sent again", released);
        }
        await synchronizer.SyncAsync(cancellationToken: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
