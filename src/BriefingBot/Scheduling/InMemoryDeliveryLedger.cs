namespace BriefingBot.Scheduling;

/// <summary><see cref="IDeliveryLedger"/> for the <c>memory</c> store: the same rules, forgotten on exit (as the
/// in-memory job store forgets its triggers).</summary>
public sealed class InMemoryDeliveryLedger : IDeliveryLedger
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, Row> rows = new(StringComparer.Ordinal);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ClaimOutcome> TryClaimAsync(DeliveryClaim claim, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            if (rows.TryGetValue(claim.Key, out var row))
            {
                var free = row.State == DeliveryState.Retry || (row.State == DeliveryState.Pending && row.LeaseUntil <= claim.Now);
                if (!free)
                    return Task.FromResult(row.State == DeliveryState.Pending ? ClaimOutcome.HeldElsewhere : ClaimOutcome.AlreadySettled);
            }
            rows[claim.Key] = new Row(claim.Kind, claim.Channel, claim.Occurrence, DeliveryState.Pending, claim.Owner,
                claim.LeaseUntil, (row?.Attempts ?? 0) + 1, null);
            return Task.FromResult(ClaimOutcome.Claimed);
        }
    }

    public Task SettleAsync(string key, string owner, DeliveryState state, string? detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            if (rows.TryGetValue(key, out var row) && row.Owner == owner && row.State == DeliveryState.Pending)
                rows[key] = row with { State = state, Detail = detail };
        }
        return Task.CompletedTask;
    }

    public Task<DeliveryRecord?> FindAsync(string key, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            return Task.FromResult(rows.TryGetValue(key, out var row)
                ? new DeliveryRecord(key, row.Kind, row.Channel, row.Occurrence, row.State, row.Attempts, row.Detail)
                : null);
        }
    }

    public Task<IReadOnlySet<string>> SettledKeysAsync(string kind, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            IReadOnlySet<string> keys = rows
                .Where(r => r.Value.Kind == kind && r.Value.State is DeliveryState.Delivered or DeliveryState.Failed)
                .Select(r => r.Key)
                .ToHashSet(StringComparer.Ordinal);
            return Task.FromResult(keys);
        }
    }

    public Task<DateTimeOffset?> LastDeliveredAsync(string kind, string channel, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            var delivered = rows.Values
                .Where(r => r.Kind == kind && r.Channel == channel && r.State == DeliveryState.Delivered)
                .Select(r => (DateTimeOffset?)r.Occurrence);
            return Task.FromResult(delivered.Max());
        }
    }

    public Task<int> ReleasePendingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            var pending = rows.Where(r => r.Value.State == DeliveryState.Pending).Select(r => r.Key).ToList();
            foreach (var key in pending) rows[key] = rows[key] with { State = DeliveryState.Retry };
            return Task.FromResult(pending.Count);
        }
    }

    private sealed record Row(
        string Kind, string Channel, DateTimeOffset Occurrence, DeliveryState State, string Owner, DateTimeOffset LeaseUntil, int Attempts, string? Detail);
}
