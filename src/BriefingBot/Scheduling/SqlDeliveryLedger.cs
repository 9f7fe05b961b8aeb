using System.Data.Common;

namespace BriefingBot.Scheduling;

/// <summary>
/// <see cref="IDeliveryLedger"/> in the job store's database (SQLite or PostgreSQL; the SQL is the subset both speak).
/// A claim is one <c>INSERT … ON CONFLICT DO UPDATE … WHERE</c>: the database decides atomically whether the key is
/// free, so two firings of one delivery cannot both claim it. Instants are stored as Unix milliseconds.
/// </summary>
public sealed class SqlDeliveryLedger(SchedulingDatabase database) : IDeliveryLedger
{
    private const string Table = "bb_delivery_ledger";

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => database.EnsureSchemaAsync(
        [
            $"""
            CREATE TABLE IF NOT EXISTS {Table} (
                delivery_key TEXT NOT NULL PRIMARY KEY,
                kind TEXT NOT NULL,
                channel TEXT NOT NULL,
                occurrence BIGINT NOT NULL,
                state TEXT NOT NULL,
                owner TEXT NULL,
                lease_until BIGINT NOT NULL,
                attempts INTEGER NOT NULL,
                detail TEXT NULL,
                updated_at BIGINT NOT NULL)
            """,
            $"CREATE INDEX IF NOT EXISTS ix_{Table}_kind_channel ON {Table} (kind, channel, state)",
        ],
        cancellationToken);

    public async Task<ClaimOutcome> TryClaimAsync(DeliveryClaim claim, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var upsert = connection.Command($"""
            INSERT INTO {Table} (delivery_key, kind, channel, occurrence, state, owner, lease_until, attempts, detail, updated_at)
            VALUES (@key, @kind, @channel, @occurrence, 'pending', @owner, @lease, 1, NULL, @now)
            ON CONFLICT (delivery_key) DO UPDATE SET
                state = 'pending', occurrence = excluded.occurrence, owner = excluded.owner, lease_until = excluded.lease_until,
                attempts = {Table}.attempts + 1, detail = NULL, updated_at = excluded.updated_at
            WHERE {Table}.state = 'retry' OR ({Table}.state = 'pending' AND {Table}.lease_until <= @now)
            """, transaction)
            .With("@key", claim.Key).With("@kind", claim.Kind).With("@channel", claim.Channel)
            .With("@occurrence", claim.Occurrence.ToUnixTimeMilliseconds()).With("@owner", claim.Owner)
            .With("@lease", claim.LeaseUntil.ToUnixTimeMilliseconds()).With("@now", claim.Now.ToUnixTimeMilliseconds());
        var claimed = await upsert.ExecuteNonQueryAsync(cancellationToken) == 1;
        var outcome = ClaimOutcome.Claimed;
        if (!claimed)
        {
            await using var read = connection.Command($"SELECT state FROM {Table} WHERE delivery_key = @key", transaction).With("@key", claim.Key);
            outcome = ParseState((string)(await read.ExecuteScalarAsync(cancellationToken))!) == DeliveryState.Pending
                ? ClaimOutcome.HeldElsewhere
                : ClaimOutcome.AlreadySettled;
        }
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    public async Task SettleAsync(string key, string owner, DeliveryState state, string? detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"""
            UPDATE {Table} SET state = @state, detail = @detail, updated_at = @now
            WHERE delivery_key = @key AND owner = @owner AND state = 'pending'
            """)
            .With("@state", Format(state)).With("@detail", detail).With("@now", now.ToUnixTimeMilliseconds())
            .With("@key", key).With("@owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DeliveryRecord?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT delivery_key, kind, channel, occurrence, state, attempts, detail FROM {Table} WHERE delivery_key = @key").With("@key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader) : null;
    }

    public async Task<IReadOnlySet<string>> SettledKeysAsync(string kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT delivery_key FROM {Table} WHERE kind = @kind AND state IN ('delivered', 'failed')").With("@kind", kind);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) keys.Add(reader.GetString(0));
        return keys;
    }

    public async Task<DateTimeOffset?> LastDeliveredAsync(string kind, string channel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT MAX(occurrence) FROM {Table} WHERE kind = @kind AND channel = @channel AND state = 'delivered'")
            .With("@kind", kind).With("@channel", channel);
        return await command.ExecuteScalarAsync(cancellationToken) is long millis
            ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
            : null;
    }

    public async Task<int> ReleasePendingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"UPDATE {Table} SET state = 'retry', detail = 'interrupted: the process stopped while sending', updated_at = @now WHERE state = 'pending'")
            .With("@now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DeliveryRecord ReadRecord(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        ParseState(reader.GetString(4)),
        reader.GetInt32(5),
        reader.IsDBNull(6) ? null : reader.GetString(6));

    private static string Format(DeliveryState state) => state.ToString().ToLowerInvariant();

    private static DeliveryState ParseState(string text) => Enum.Parse<DeliveryState>(text, ignoreCase: true);
}
