using System.Data.Common;
using BriefingBot.Tests.Discord;

namespace BriefingBot.Tests.Hosting;

/// <summary>
/// A burst of reminders due the moment a bot looks: an article with a deadline on each of the next days (today
/// included), reminded that many days ahead at 00:00 in a time zone where it is now around midday, so that every
/// deadline has exactly one reminder due now (the one of its latest lead time), into several Discord channels. One
/// post per (deadline, channel), each naming its commodity.
/// </summary>
internal sealed class ReminderBurst
{
    public static readonly string[] Commodities = ["cobalt", "tungsten", "gallium", "lithium", "nickel", "antimony"];
    public static readonly string[] Channels = ["1500000000000000001", "1500000000000000002", "1500000000000000003"];

    private ReminderBurst(string zone, DateOnly today)
    {
        Zone = zone;
        Today = today;
    }

    public string Zone { get; }

    public DateOnly Today { get; }

    public int Size => Commodities.Length * Channels.Length;

    /// <summary>The zone where the current UTC hour is closest to local noon: far from midnight, whatever the hour.</summary>
    public static ReminderBurst AroundMidday(DateTimeOffset utcNow)
    {
        var offset = 12 - utcNow.UtcDateTime.Hour; // -11..12, all within the Etc/GMT zones
        var zone = offset == 0 ? "UTC" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        return new ReminderBurst(zone, DateOnly.FromDateTime(utcNow.UtcDateTime.AddHours(offset)));
    }

    /// <summary>Writes the article whose deadlines make the burst.</summary>
    public void WriteArticle(string corpus) =>
        OpsArticles.Write(corpus, "900_quotas", Today, [.. Commodities.Select((c, day) => (c, Today.AddDays(day)))]);

    /// <summary>Settings for one bot of the burst: its folders, the schedule, and Discord pointed at <paramref name="discordApi"/>.</summary>
    public Dictionary<string, string> Settings(string corpus, string state, string discordApi, Ed25519TestKey key)
    {
        var settings = new Dictionary<string, string>
        {
            ["BriefingBot:Corpus"] = corpus,
            ["BriefingBot:Index"] = Path.Combine(state, "index"),
            ["BriefingBot:Data"] = Path.Combine(state, "data"),
            ["Scheduling:TimeZone"] = Zone,
            ["Scheduling:LeadTimes"] = string.Join(',', Commodities.Select((_, day) => $"P{day}D")),
            ["Scheduling:ReminderTime"] = "00:00",
            ["Scheduling:DeliveryLease"] = "00:00:10",
            ["Scheduling:RetryDelay"] = "00:00:01",
            ["Scheduling:MaxRetries"] = "10",
            ["Discord:ApplicationId"] = "1100000000000000000",
            ["Discord:PublicKey"] = key.PublicKeyHex,
            ["Discord:BotToken"] = "burst-bot-token",
            ["Discord:ApiBaseUrl"] = discordApi,
            ["Discord:RequestTimeout"] = "00:00:03",
            ["Discord:RetryBaseDelay"] = "00:00:00.100",
            ["Discord:MaxRetries"] = "1",
            ["Logging:LogLevel:Default"] = "Information",
        };
        for (var i = 0; i < Channels.Length; i++)
        {
            settings[$"Scheduling:Subscriptions:{i}:Channel"] = $"discord:{Channels[i]}";
            settings[$"Scheduling:Subscriptions:{i}:Reminders"] = "true";
            settings[$"Scheduling:Subscriptions:{i}:Digest"] = "false";
        }
        return settings;
    }

    /// <summary>Which (commodity, channel) a post is about.</summary>
    public static (string Commodity, string Channel) Identify(RecordingDiscord.ChannelPost post) =>
        (Commodities.Single(c => post.Body.Contains($"{c} export quota", StringComparison.Ordinal)), post.ChannelId);

    /// <summary>Every (commodity, channel) of the burst posted exactly once.</summary>
    public void AssertEachPostedExactlyOnce(IReadOnlyList<RecordingDiscord.ChannelPost> posts)
    {
        var expected = Commodities.SelectMany(c => Channels.Select(ch => (c, ch))).Order().ToList();
        Assert.Equal(expected, posts.Select(Identify).Order().ToList());
    }

    /// <summary>How many deliveries the ledger (in the job store's database) records as delivered.</summary>
    public static async Task<int> DeliveredAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM bb_delivery_ledger WHERE state = 'delivered'";
        try
        {
            return Convert.ToInt32(await command.ExecuteScalarAsync());
        }
        catch (DbException)
        {
            return 0; // the table does not exist yet
        }
    }
}
