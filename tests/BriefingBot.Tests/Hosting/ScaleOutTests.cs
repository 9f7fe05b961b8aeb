using BriefingBot.Tests.Discord;
using BriefingBot.Tests.Scheduling;
using Npgsql;

namespace BriefingBot.Tests.Hosting;

/// <summary>
/// Two bot processes sharing one PostgreSQL job store (Quartz clustered): each reminder is posted by one of them,
/// once, and when one is killed mid-burst the other takes over what it had taken on.
/// </summary>
public sealed class ScaleOutTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [PostgresFact]
    public async Task TwoReplicas_PostEachReminderOnce_AndTheSurvivorTakesOverWhenOneIsKilled()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var discord = await RecordingDiscord.StartAsync();
        using var key = Ed25519TestKey.Generate();
        var burst = ReminderBurst.AroundMidday(DateTimeOffset.UtcNow);
        var corpus = Directory.CreateDirectory(folder.Combine("corpus")).FullName;
        OpsArticles.Write(corpus, "100_background", burst.Today.AddDays(-30), ("copper", burst.Today.AddDays(200)));

        BotProcess Replica(string name)
        {
            var settings = burst.Settings(corpus, folder.Combine(name), discord.BaseUrl(name), key);
            settings["Scheduling:Store"] = "postgres";
            settings["Scheduling:ConnectionString"] = database.ConnectionString;
            settings["Scheduling:ClusterCheckinInterval"] = "00:00:01";
            return BotProcess.Start(name, settings, Directory.CreateDirectory(folder.Combine(name)).FullName);
        }

        await using var a = Replica("a");
        await using var b = Replica("b");
        await Task.WhenAll(a.WaitUntilReadyAsync(Patience), b.WaitUntilReadyAsync(Patience));

        // The burst lands while both run: each replica's watcher reindexes and plans it into the shared store.
        const int beforeTheCrash = 4;
        discord.HoldAfter(beforeTheCrash);
        burst.WriteArticle(corpus);
        await BotProcess.UntilAsync(async () => discord.Accepted.Count == beforeTheCrash && discord.Held.Count > 0
            && await DeliveredAsync(database) == beforeTheCrash, "four posts settled and more in flight", Patience, a, b);

        var victim = discord.Held.Any(p => p.Bot == "a") ? a : b;
        var survivor = victim == a ? b : a;
        var orphaned = discord.Held.Where(p => p.Bot == victim.Name).Select(ReminderBurst.Identify).ToList();
        await victim.KillAsync();
        discord.AcceptAll();

        await BotProcess.UntilAsync(async () => discord.Accepted.Count >= burst.Size && await DeliveredAsync(database) == burst.Size,
            "every post of the burst delivered by the survivor", Patience, a, b);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a post still to come now would be a duplicate

        burst.AssertEachPostedExactlyOnce(discord.Accepted);
        var afterTheCrash = discord.Accepted.Skip(beforeTheCrash).ToList();
        Assert.All(afterTheCrash, p => Assert.Equal(survivor.Name, p.Bot));
        // What the victim was sending when it died was sent by the survivor.
        Assert.All(orphaned, o => Assert.Contains(o, afterTheCrash.Select(ReminderBurst.Identify)));
    }

    private static async Task<int> DeliveredAsync(PostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return await ReminderBurst.DeliveredAsync(connection);
    }
}
