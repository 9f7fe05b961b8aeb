using BriefingBot.Briefing;
using BriefingBot.Delivery;
using BriefingBot.Hosting;
using BriefingBot.Scheduling;
using BriefingBot.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Scheduling;

/// <summary>Keeping the job store in line with the timeline and the subscriptions, as the <c>reminders</c> verb sees it.</summary>
public sealed class ScheduleSynchronizerTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Replanning_IsIdempotent()
    {
        await using var bot = new SchedulerHarness(Now, channels: ["discord:100", "discord:200"]);
        bot.Timeline.Milestones = [Milestones.Day("m1", new DateOnly(2026, 11, 10)), Milestones.Day("m2", new DateOnly(2026, 12, 1))];
        using var cli = bot.Build(); // never started, as the CLI uses it
        var catalog = cli.Services.GetRequiredService<ReminderCatalog>();

        var first = await catalog.PlanAsync();
        var planned = await catalog.ListAsync();
        var second = await catalog.PlanAsync();

        Assert.Equal("reminders: 12 added, 0 removed, 0 moved", first.Summary);
        Assert.True(second.IsEmpty, second.Summary);
        Assert.Equal(planned, await catalog.ListAsync());
    }

    [Fact]
    public async Task Catalog_ListsEveryPlannedPost_WithLocalTimes()
    {
        await using var bot = new SchedulerHarness(Now, settings: new Dictionary<string, string?>
        {
            ["Scheduling:TimeZone"] = "Europe/Berlin",
            ["Scheduling:LeadTimes"] = "P1D",
            ["Scheduling:Subscriptions:0:Digest"] = "true",
        }, channels: "discord:100");
        bot.Timeline.Milestones = [Milestones.Day("m1", new DateOnly(2026, 11, 10))];
        using var cli = bot.Build();
        var catalog = cli.Services.GetRequiredService<ReminderCatalog>();
        await catalog.PlanAsync();

        var posts = await catalog.ListAsync();

        Assert.Equal(2, posts.Count);
        Assert.Equal(
            new PlannedPost(new DateTimeOffset(2026, 10, 5, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.FromHours(2)),
                "digest", null, null, null, "discord:100"),
            posts[0]);
        Assert.Equal(
            new PlannedPost(new DateTimeOffset(2026, 11, 9, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.FromHours(1)),
                "reminder", "m1", new DateOnly(2026, 11, 10), "P1D", "discord:100"),
            posts[1]);
    }

    [Fact]
    public async Task Reindex_ThatMovesADeadline_MovesItsReminders()
    {
        await using var bot = new SchedulerHarness(Now, channels: "discord:100");
        var original = Milestones.Day("expiry-2026-11-10", new DateOnly(2026, 11, 10));
        bot.Timeline.Milestones = [original, Milestones.Day("other", new DateOnly(2026, 12, 24))];
        await bot.StartAsync();

        // A later article extends the deadline: the old milestone is superseded by the new one.
        var extended = Milestones.Day("expiry-2027-11-10", new DateOnly(2027, 11, 10));
        bot.Timeline.Milestones = [original with { SupersededBy = extended.Id }, Milestones.Day("other", new DateOnly(2026, 12, 24)), extended];
        var effects = await bot.Services.GetRequiredService<IEnumerable<IReindexObserver>>()
            .Single(o => o is ReminderRescheduler)
            .OnReindexedAsync(Report(bot.Timeline.Milestones), default);

        Assert.Equal("reminders: 0 added, 0 removed, 3 moved", effects);
        var reminders = (await bot.Catalog.ListAsync()).Where(p => p.MilestoneId != "other").ToList();
        Assert.Equal(["expiry-2027-11-10"], reminders.Select(p => p.MilestoneId).Distinct());
        Assert.Equal(
            [new DateTimeOffset(2027, 11, 3, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 9, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 10, 9, 0, 0, TimeSpan.Zero)],
            reminders.Select(p => p.FireAtUtc));
    }

    [Fact]
    public async Task Reindex_ThatChangesAMilestonesDate_UnderTheSameId_MovesItsReminders()
    {
        await using var bot = new SchedulerHarness(Now, settings: new Dictionary<string, string?> { ["Scheduling:LeadTimes"] = "P1D" }, channels: "discord:100");
        bot.Timeline.Milestones = [Milestones.Day("m1", new DateOnly(2026, 11, 10))];
        await bot.StartAsync();

        bot.Timeline.Milestones = [Milestones.Day("m1", new DateOnly(2026, 11, 20))];
        var effects = await new ReminderRescheduler(bot.Services.GetRequiredService<ScheduleSynchronizer>())
            .OnReindexedAsync(Report(bot.Timeline.Milestones), default);

        Assert.Equal("reminders: 0 added, 0 removed, 1 moved", effects);
        Assert.Equal(new DateOnly(2026, 11, 20), Assert.Single(await bot.Catalog.ListAsync()).MilestoneDate);
    }

    [Fact]
    public async Task Subscribing_PlansTheChannel_Unsubscribing_RemovesIt()
    {
        await using var bot = new SchedulerHarness(Now, channels: "discord:100");
        bot.Timeline.Milestones = [Milestones.Day("m1", new DateOnly(2026, 11, 10))];
        await bot.StartAsync();
        var subscriptions = bot.Services.GetRequiredService<ISubscriptionStore>();
        var teams = new ChannelAddress("teams", "19:meeting_abc@thread.v2");

        await subscriptions.SubscribeAsync(new Subscription(teams, Reminders: true, Digest: true));
        var afterSubscribe = await bot.Catalog.ListAsync();
        var removedConfigured = await subscriptions.UnsubscribeAsync(new ChannelAddress("discord", "100"));
        var afterUnsubscribe = await bot.Catalog.ListAsync();

        Assert.Equal(4, afterSubscribe.Count(p => p.Channel == teams.ToString())); // 3 reminders and the digest
        Assert.True(removedConfigured);
        Assert.Equal([teams.ToString()], afterUnsubscribe.Select(p => p.Channel).Distinct());
        Assert.Equal([teams], (await subscriptions.ListAsync()).Select(s => s.Channel));
        Assert.False(await subscriptions.UnsubscribeAsync(new ChannelAddress("discord", "100")));
    }

    [Fact]
    public async Task RuntimeSubscriptions_SurviveARestart()
    {
        await using var bot = new SchedulerHarness(Now);
        await bot.StartAsync();
        await bot.Services.GetRequiredService<ISubscriptionStore>().SubscribeAsync(new Subscription(new ChannelAddress("discord", "300"), Reminders: true, Digest: false));
        await bot.StopAsync();

        await bot.StartAsync();

        var subscription = Assert.Single(await bot.Services.GetRequiredService<ISubscriptionStore>().ListAsync());
        Assert.Equal(new Subscription(new ChannelAddress("discord", "300"), true, false), subscription);
    }

    [Fact]
    public async Task UnreadableTimeline_LeavesPlannedRemindersAlone()
    {
        await using var bot = new SchedulerHarness(Now, channels: "discord:100");
        bot.Timeline.Milestones = [Milestones.Day("m1", new DateOnly(2026, 11, 10))];
        await bot.StartAsync();
        var planned = await bot.Catalog.ListAsync();
        await bot.StopAsync();

        bot.Timeline.Fail = true;
        await bot.StartAsync();

        Assert.Equal(planned, await bot.Catalog.ListAsync());
        Assert.Contains(bot.Warnings, w => w.StartsWith("The timeline could not be read"));
    }

    private static ReindexReport Report(IReadOnlyList<Milestone> timeline) =>
        new(1, 10, 2, [], [], [], 0, [], [], [], timeline, [], TimeSpan.FromSeconds(1));
}
