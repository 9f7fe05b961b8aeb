namespace BriefingBot.Scheduling;

/// <summary>
/// Makes the store usable before anything touches it: the SQLite folder and WAL mode (Quartz creates its own
/// tables in the file on first open), the ledger and the subscription table. Idempotent; both <c>serve</c> and the
/// <c>reminders</c> verb go through it.
/// </summary>
public sealed class SchedulingStorage(SchedulingDatabase database, IDeliveryLedger ledger, ISubscriptionRecords subscriptions)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool ready;

    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (ready) return;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (ready) return;
            await database.PrepareAsync(cancellationToken);
            await ledger.EnsureCreatedAsync(cancellationToken);
            await subscriptions.EnsureCreatedAsync(cancellationToken);
            ready = true;
        }
        finally
        {
            gate.Release();
        }
    }
}
