using BriefingBot.Scheduling;

namespace BriefingBot.Tests.Scheduling;

public sealed class SchemaCreationTests
{
    [PostgresFact]
    public async Task ReplicasStartingTogether_AllCreateTheSchema_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        // Each replica has its own SchedulingDatabase; only the server is shared, as in a scaled-out deployment.
        var replicas = Enumerable.Range(0, 8).Select(_ =>
        {
            var store = new SchedulingDatabase(StoreKind.Postgres, database.ConnectionString);
            return new SchedulingStorage(store, new SqlDeliveryLedger(store), new SqlSubscriptionRecords(store));
        });
        await Task.WhenAll(replicas.Select(storage => Task.Run(() => storage.EnsureReadyAsync(CancellationToken.None))));

        var store = new SchedulingDatabase(StoreKind.Postgres, database.ConnectionString);
        Assert.Empty(await new SqlSubscriptionRecords(store).ListAsync(CancellationToken.None));
    }
}
