using BriefingBot.Delivery;

namespace BriefingBot.Scheduling;

/// <summary>
/// Subscription changes made at runtime, as stored: one row per channel, which overrides that channel's entry in
/// configuration. An unsubscribe is a row with neither reminders nor digest, so it also silences a configured channel.
/// </summary>
public interface ISubscriptionRecords
{
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken);

    Task SaveAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>The subscriptions in force: configuration, overridden channel by channel by runtime changes.</summary>
public sealed class SubscriptionDirectory(SchedulePolicy policy, ISubscriptionRecords records, SchedulingStorage storage, TimeProvider time)
{
    /// <summary>Channels that get reminders or digests, in a stable order.</summary>
    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureReadyAsync(cancellationToken); // an adapter may ask before the scheduler has started
        var merged = policy.ConfiguredSubscriptions.ToDictionary(s => s.Channel);
        foreach (var stored in await records.ListAsync(cancellationToken)) merged[stored.Channel] = stored;
        return [.. merged.Values.Where(s => s.Reminders || s.Digest).OrderBy(s => s.Channel.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>Records <paramref name="subscription"/>; returns whether the channel was subscribed to anything before.</summary>
    public async Task<bool> SaveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var before = (await ListAsync(cancellationToken)).Any(s => s.Channel == subscription.Channel);
        await records.SaveAsync(subscription, time.GetUtcNow(), cancellationToken);
        return before;
    }
}

/// <summary>
/// The <see cref="ISubscriptionStore"/> the chat adapters use: every change is saved, then the schedule is brought in
/// line with it (a new channel gets the upcoming reminders and its digest; a channel that leaves loses them).
/// </summary>
public sealed class SubscriptionStore(SubscriptionDirectory directory, ScheduleSynchronizer synchronizer) : ISubscriptionStore
{
    public Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken = default) =>
        directory.ListAsync(cancellationToken);

    public async Task SubscribeAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await directory.SaveAsync(subscription, cancellationToken);
        await synchronizer.SyncAsync(cancellationToken: cancellationToken);
    }

    public async Task<bool> UnsubscribeAsync(ChannelAddress channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var wasSubscribed = await directory.SaveAsync(new Subscription(channel, Reminders: false, Digest: false), cancellationToken);
        if (wasSubscribed) await synchronizer.SyncAsync(cancellationToken: cancellationToken);
        return wasSubscribed;
    }
}

/// <summary><see cref="ISubscriptionRecords"/> in the job store's database.</summary>
public sealed class SqlSubscriptionRecords(SchedulingDatabase database) : ISubscriptionRecords
{
    private const string Table = "bb_subscriptions";

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => database.EnsureSchemaAsync(
        [
            $"""
            CREATE TABLE IF NOT EXISTS {Table} (
                channel TEXT NOT NULL PRIMARY KEY,
                reminders INTEGER NOT NULL,
                digest INTEGER NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
        ],
        cancellationToken);

    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT channel, reminders, digest FROM {Table} ORDER BY channel");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<Subscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // A row written by hand that does not parse is not a channel anyone can post to.
            if (ChannelAddress.TryParse(reader.GetString(0), out var channel))
                list.Add(new Subscription(channel, reader.GetInt32(1) != 0, reader.GetInt32(2) != 0));
        }
        return list;
    }

    public async Task SaveAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"""
            INSERT INTO {Table} (channel, reminders, digest, updated_at) VALUES (@channel, @reminders, @digest, @now)
            ON CONFLICT (channel) DO UPDATE SET reminders = excluded.reminders, digest = excluded.digest, updated_at = excluded.updated_at
            """)
            .With("@channel", subscription.Channel.ToString())
            .With("@reminders", subscription.Reminders ? 1 : 0)
            .With("@digest", subscription.Digest ? 1 : 0)
            .With("@now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary><see cref="ISubscriptionRecords"/> for the <c>memory</c> store.</summary>
public sealed class InMemorySubscriptionRecords : ISubscriptionRecords
{
    private readonly Lock sync = new();
    private readonly Dictionary<ChannelAddress, Subscription> rows = [];

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        lock (sync) return Task.FromResult<IReadOnlyList<Subscription>>([.. rows.Values]);
    }

    public Task SaveAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (sync) rows[subscription.Channel] = subscription;
        return Task.CompletedTask;
    }
}
