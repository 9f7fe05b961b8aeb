using BriefingBot.Briefing;
using BriefingBot.Delivery;
using BriefingBot.Scheduling;
using Quartz;

namespace BriefingBot.Tests.Scheduling;

/// <summary>Reminders going out through Quartz on a fake clock: when, how many times, and what a failure does.</summary>
public sealed class ReminderDeliveryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Deadline = new(2026, 11, 10);

    [Fact]
    public async Task Reminder_IsPostedAtItsInstant_QuotingAndCitingTheSource()
    {
        await using var bot = new SchedulerHarness(Start, channels: "discord:100");
        bot.Timeline.Milestones = [Milestones.Day("m1", Deadline)];
        await bot.StartAsync();

        var first = (await bot.Catalog.ListAsync())[0];
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero), first.FireAtUtc);
        bot.AdvanceTo(first.FireAtUtc);
        await SchedulerHarness.Eventually(() => bot.Discord.DeliveredSnapshot().Count == 1, "the 7-day reminder");

        var (channel, post) = bot.Discord.DeliveredSnapshot()[0];
        Assert.Equal("discord:100", channel.ToString());
        var reminder = Assert.IsType<ReminderPost>(post);
        Assert.Equal("m1", reminder.Milestone.Id);
        Assert.Equal(TimeSpan.FromDays(7), reminder.Lead);
        var text = PostText.Render(reminder);
        Assert.Contains(reminder.Milestone.Source, text);
        Assert.Contains("Truce extended, A. Writer, 2026-01-05, paragraph 3 (wire/truce.txt)", text);
    }

    [Fact]
    public async Task Reminders_FireAtNineLocal_AcrossDstChange()
    {
        // Europe/Berlin moves from +01:00 to +02:00 on 29 March 2026, between the two reminders.
        await using var bot = new SchedulerHarness(new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero),
            settings: new Dictionary<string, string?> { ["Scheduling:TimeZone"] = "Europe/Berlin", ["Scheduling:LeadTimes"] = "P7D,P1D" },
            channels: "discord:100");
        bot.Timeline.Milestones = [Milestones.Day("m1", new DateOnly(2026, 4, 2))];
        await bot.StartAsync();
        DateTimeOffset[] expected = [new(2026, 3, 26, 8, 0, 0, TimeSpan.Zero), new(2026, 4, 1, 7, 0, 0, TimeSpan.Zero)];

        foreach (var (instant, count) in expected.Select((instant, i) => (instant, i + 1)))
        {
            bot.AdvanceTo(instant);
            await bot.ExecutionsReach(count);
        }

        Assert.Equal(expected, bot.Executions.Select(e => e.ScheduledFor!.Value));
        Assert.Equal([TimeSpan.FromDays(7), TimeSpan.FromDays(1)], bot.Discord.DeliveredSnapshot().Select(p => ((ReminderPost)p.Post).Lead));
    }

    [Fact]
    public async Task SameReminderFiringAgain_IsNotPostedTwice()
    {
        await using var bot = new SchedulerHarness(Start, channels: "discord:100");
        await FireTheSameReminderThrice(bot);
    }

    [PostgresFact]
    public async Task SameReminderFiringAgain_IsNotPostedTwice_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var bot = new SchedulerHarness(Start, "postgres", new Dictionary<string, string?> { ["Scheduling:ConnectionString"] = database.ConnectionString }, channels: "discord:100");
        await FireTheSameReminderThrice(bot);
    }

    private static async Task FireTheSameReminderThrice(SchedulerHarness bot)
    {
        bot.Timeline.Milestones = [Milestones.Day("m1", Deadline)];
        await bot.StartAsync();
        var scheduler = await bot.SchedulerAsync();
        var first = (await bot.Catalog.ListAsync())[0];
        var trigger = (await scheduler.GetTriggers([.. await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("briefingbot.reminders"))]))
            .Single(t => t.NextFireTimeUtc == first.FireAtUtc);
        bot.AdvanceTo(first.FireAtUtc);
        await bot.ExecutionsReach(1);

        // The same (milestone, lead, channel) fired twice more at once, as a replayed or re-planned trigger would.
        await Task.WhenAll(
            scheduler.TriggerJob(trigger.JobKey, trigger.JobDataMap).AsTask(),
            scheduler.TriggerJob(trigger.JobKey, trigger.JobDataMap).AsTask());
        await bot.ExecutionsReach(3);

        Assert.Single(bot.Discord.Attempts);
        var record = await bot.Ledger.FindAsync(ScheduleKeys.ReminderDelivery("m1", new LeadTime(7), new ChannelAddress("discord", "100")), default);
        Assert.Equal(DeliveryState.Delivered, record!.State);
    }

    [Fact]
    public async Task Reminder_WhoseMilestoneLeftTheTimelineSincePlanning_IsSkippedAndLogged()
    {
        await using var bot = new SchedulerHarness(Start, settings: OneLead, channels: "discord:100");
        bot.Timeline.Milestones = [Milestones.Day("m1", Deadline)];
        await bot.StartAsync();

        bot.Timeline.Milestones = []; // the article went away; no reindex has re-planned yet
        bot.AdvanceTo(FireAt);
        await bot.ExecutionsReach(1);

        Assert.Empty(bot.Discord.Attempts);
        Assert.Contains("Reminder P1D for m1 to discord:100 skipped: the milestone is no longer on the timeline", bot.Warnings);
    }

    [Fact]
    public async Task PermanentFailure_IsRecordedAndNotRetried_OtherChannelsStillPosted()
    {
        await using var bot = new SchedulerHarness(Start, settings: OneLead, channels: ["flaky:1", "discord:100"]);
        bot.Timeline.Milestones = [Milestones.Day("m1", Deadline)];
        bot.Failing.Script("flaky:1", new DeliveryResult(DeliveryStatus.PermanentFailure, "bot removed from channel"));
        await bot.StartAsync();

        bot.AdvanceTo(FireAt);
        await bot.ExecutionsReach(2);
        bot.AdvanceTo(FireAt.AddHours(3)); // well past every retry delay

        Assert.Single(bot.Discord.DeliveredSnapshot());
        Assert.Single(bot.Failing.Attempts);
        var record = await bot.Ledger.FindAsync(ScheduleKeys.ReminderDelivery("m1", new LeadTime(1), new ChannelAddress("flaky", "1")), default);
        Assert.Equal(DeliveryState.Failed, record!.State);
        Assert.Equal("bot removed from channel", record.Detail);
        Assert.Empty(await bot.Catalog.ListAsync()); // no retry left in the schedule
    }

    [Fact]
    public async Task ChannelOfAPlatformWithoutPoster_IsAPermanentFailure_OtherChannelsStillPosted()
    {
        await using var bot = new SchedulerHarness(Start, settings: OneLead, channels: ["slack:general", "discord:100"]);
        bot.Timeline.Milestones = [Milestones.Day("m1", Deadline)];
        await bot.StartAsync();

        bot.AdvanceTo(FireAt);
        await bot.ExecutionsReach(2);

        Assert.Single(bot.Discord.DeliveredSnapshot());
        var record = await bot.Ledger.FindAsync(ScheduleKeys.ReminderDelivery("m1", new LeadTime(1), new ChannelAddress("slack", "general")), default);
        Assert.Equal(DeliveryState.Failed, record!.State);
        Assert.Equal("no poster for platform 'slack'", record.Detail);
        Assert.Contains(bot.Warnings, w => w.Contains("No poster for platform slack"));
    }

    [Fact]
    public async Task TransientFailure_IsRetriedWithBackoff_ThenPostedOnce()
    {
        await using var bot = new SchedulerHarness(Start, settings: OneLead, channels: "flaky:1");
        bot.Timeline.Milestones = [Milestones.Day("m1", Deadline)];
        bot.Failing.Script("flaky:1",
            new DeliveryResult(DeliveryStatus.TransientFailure, "503"),
            new DeliveryResult(DeliveryStatus.TransientFailure, "429 retry after 30s"));
        await bot.StartAsync();

        bot.AdvanceTo(FireAt);
        await bot.ExecutionsReach(1);
        bot.AdvanceTo(FireAt.AddMinutes(1)); // first retry: 1 minute
        await bot.ExecutionsReach(2);
        bot.AdvanceTo(FireAt.AddMinutes(3)); // second retry: 2 minutes later
        await bot.ExecutionsReach(3);

        Assert.Equal(3, bot.Failing.Attempts.Count);
        Assert.Single(bot.Failing.DeliveredSnapshot());
        var record = await bot.Ledger.FindAsync(ScheduleKeys.ReminderDelivery("m1", new LeadTime(1), new ChannelAddress("flaky", "1")), default);
        Assert.Equal((DeliveryState.Delivered, 3), (record!.State, record.Attempts));
    }

    [Fact]
    public async Task TransientFailure_GivesUpAfterTheLastRetry_AndRecordsIt()
    {
        await using var bot = new SchedulerHarness(Start, settings: OneLead, channels: "flaky:1");
        bot.Timeline.Milestones = [Milestones.Day("m1", Deadline)];
        bot.Failing.Script("flaky:1", [.. Enumerable.Repeat(new DeliveryResult(DeliveryStatus.TransientFailure, "timeout"), 10)]);
        await bot.StartAsync();

        bot.AdvanceTo(FireAt);
        foreach (var (minutes, executions) in new[] { (1, 2), (3, 3), (7, 4) }) // MaxRetries 3, waits of 1, 2 and 4 minutes
        {
            await bot.ExecutionsReach(executions - 1);
            bot.AdvanceTo(FireAt.AddMinutes(minutes));
        }
        await bot.ExecutionsReach(4);

        Assert.Equal(4, bot.Failing.Attempts.Count);
        var record = await bot.Ledger.FindAsync(ScheduleKeys.ReminderDelivery("m1", new LeadTime(1), new ChannelAddress("flaky", "1")), default);
        Assert.Equal(DeliveryState.Failed, record!.State);
        Assert.Equal("gave up after 4 attempts: timeout", record.Detail);
        Assert.Empty(await bot.Catalog.ListAsync());
    }

    /// <summary>One reminder per channel, the day before.</summary>
    private static readonly Dictionary<string, string?> OneLead = new() { ["Scheduling:LeadTimes"] = "P1D" };

    private static readonly DateTimeOffset FireAt = new(2026, 11, 9, 9, 0, 0, TimeSpan.Zero);
}
