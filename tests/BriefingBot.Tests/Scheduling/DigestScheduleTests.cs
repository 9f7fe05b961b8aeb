using BriefingBot.Briefing;
using Quartz;

namespace BriefingBot.Tests.Scheduling;

/// <summary>The digest's cron trigger: when it fires, what it asks the briefing core for, and restarts.</summary>
public sealed class DigestScheduleTests
{
    private static Dictionary<string, string?> DigestTo(string zone) => new()
    {
        ["Scheduling:TimeZone"] = zone,
        ["Scheduling:Subscriptions:0:Reminders"] = "false",
        ["Scheduling:Subscriptions:0:Digest"] = "true",
    };

    [Fact]
    public async Task Digest_FiresMondaysAtNineLocal_AcrossDstChange()
    {
        // New York switches to daylight time on Sunday 8 March 2026: 09:00 is 14:00Z before, 13:00Z after.
        await using var bot = new SchedulerHarness(new DateTimeOffset(2026, 2, 25, 0, 0, 0, TimeSpan.Zero), settings: DigestTo("America/New_York"), channels: "discord:100");
        await bot.StartAsync();
        var scheduler = await bot.SchedulerAsync();
        var trigger = Assert.Single(await scheduler.GetTriggers([.. await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("briefingbot.digests"))]));

        var fireTimes = new List<DateTimeOffset>();
        for (var after = bot.Clock.GetUtcNow(); fireTimes.Count < 3; after = fireTimes[^1])
            fireTimes.Add(trigger.GetFireTimeAfter(after)!.Value);

        Assert.Equal(
            [new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 16, 13, 0, 0, TimeSpan.Zero)],
            fireTimes);
    }

    [Fact]
    public async Task Digest_IsPostedOnItsCron_CoveringWhatCameSinceTheLastOne()
    {
        await using var bot = new SchedulerHarness(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero), settings: DigestTo("Europe/Berlin"), channels: "discord:100");
        bot.Timeline.Milestones = [Milestones.Day("m1", new DateOnly(2026, 11, 10)), Milestones.Day("m2", new DateOnly(2026, 12, 24))];
        await bot.StartAsync();
        var firstMonday = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero); // 09:00 CET

        bot.AdvanceTo(firstMonday);
        await bot.ExecutionsReach(1); // posted and recorded
        bot.AdvanceTo(firstMonday.AddDays(7));
        await SchedulerHarness.Eventually(() => bot.Discord.DeliveredSnapshot().Count == 2, "the second digest");

        var first = Assert.IsType<DigestPost>(bot.Discord.DeliveredSnapshot()[0].Post).Digest;
        Assert.Equal((new DateOnly(2026, 11, 2), 14), (first.Today, first.HorizonDays));
        Assert.Equal(["m1"], first.Upcoming.Select(m => m.Id));
        Assert.Equal(
            [(new DateOnly(2026, 11, 2), 14, (DateTimeOffset?)null), (new DateOnly(2026, 11, 9), 14, firstMonday)],
            bot.Timeline.DigestRequests);
    }

    [Fact]
    public async Task DigestsMissedWhileDown_ArePostedOnceOnStart()
    {
        await using var bot = new SchedulerHarness(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero), settings: DigestTo("UTC"), channels: "discord:100");
        await bot.StartAsync();
        await bot.StopAsync();

        bot.AdvanceTo(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero)); // two Mondays missed
        await bot.StartAsync();
        await SchedulerHarness.Eventually(() => bot.Discord.DeliveredSnapshot().Count == 1, "one catch-up digest");
        bot.AdvanceTo(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await SchedulerHarness.Eventually(() => bot.Discord.DeliveredSnapshot().Count == 2, "the next Monday's digest");

        Assert.Equal([new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 23)], bot.Timeline.DigestRequests.Select(r => r.Today));
    }
}
