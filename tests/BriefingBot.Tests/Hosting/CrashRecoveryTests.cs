using BriefingBot.Tests.Discord;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Tests.Hosting;

/// <summary>The real bot process, killed with SIGKILL in the middle of posting, then started again on the same state.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly TempFolder folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task KillDashNine_DuringABurstOfDueReminders_ThenRestart_LosesNoneAndDoublesNone()
    {
        await using var discord = await RecordingDiscord.StartAsync();
        using var key = Ed25519TestKey.Generate();
        var burst = ReminderBurst.AroundMidday(DateTimeOffset.UtcNow);
        var corpus = Directory.CreateDirectory(folder.Combine("corpus")).FullName;
        burst.WriteArticle(corpus);
        var settings = burst.Settings(corpus, folder.Path, discord.BaseUrl("bot"), key);
        var ledger = $"Data Source={folder.Combine("data", "briefingbot.db")};Pooling=False";
        const int beforeTheCrash = 5;

        // Five posts go through; the next ones reach Discord and wait there, unanswered, as the process dies.
        discord.HoldAfter(beforeTheCrash);
        await using (var bot = BotProcess.Start("bot", settings, folder.Path))
        {
            await BotProcess.UntilAsync(async () => discord.Accepted.Count == beforeTheCrash && discord.Held.Count > 0
                && await DeliveredAsync(ledger) == beforeTheCrash, "five posts settled and more in flight", Patience, bot);
            await bot.KillAsync();
        }
        discord.AcceptAll();

        await using var restarted = BotProcess.Start("restarted", settings, folder.Path);
        await BotProcess.UntilAsync(async () => discord.Accepted.Count >= burst.Size && await DeliveredAsync(ledger) == burst.Size,
            "every post of the burst delivered after the restart", Patience, restarted);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a post still to come now would be a duplicate

        burst.AssertEachPostedExactlyOnce(discord.Accepted);
    }

    private static async Task<int> DeliveredAsync(string connectionString)
    {
        if (!File.Exists(new SqliteConnectionStringBuilder(connectionString).DataSource)) return 0;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return await ReminderBurst.DeliveredAsync(connection);
    }
}
