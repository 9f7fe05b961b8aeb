using BriefingBot.Briefing;
using BriefingBot.Delivery;
using BriefingBot.Scheduling;

namespace BriefingBot.Tests.Scheduling;

/// <summary>Stopping and starting the bot on the same SQLite store: nothing lost, nothing posted twice.</summary>
public sealed class RestartTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string?> DayBeforeAndDayOf = new() { ["Scheduling:LeadTimes"] = "P1D,P0D" };

    [Fact]
    public async Task Restart_MidSchedule_LosesNothing_PostsNothingTwice()
    {
        await using var bot = new SchedulerHarness(Start, settings: DayBeforeAndDayOf, channels: ["discord:100", "discord:200"]);
        await RestartMidSchedule(bot);
    }

    [PostgresFact]
    public async Task Restart_MidSchedule_LosesNothing_PostsNothingTwice_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var bot = new SchedulerHarness(Start, "postgres", OnPostgres(database), channels: ["discord:100", "discord:200"]);
        await RestartMidSchedule(bot);
    }

    [PostgresFact]
    public async Task ClaimWhoseLeaseRanOut_IsTakenOverAndSent_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var bot = new SchedulerHarness(Start, "postgres", OnPostgres(database), channels: "discord:100");
        bot.Timeline.Milestones = [Milestones.Day("m1", new DateOnly(2026, 11, 5))];
        await bot.StartAsync();
        bot.AdvanceTo(At(11, 4));
        await bot.ExecutionsReach(1);
        await bot.StopAsync();
        var key = ScheduleKeys.ReminderDelivery("m1", new LeadTime(1), new ChannelAddress("discord", "100"));
        // A node died mid-send; on a shared database nobody may assume it is dead until its lease has run out.
        await ReopenAsPendingAsync(bot, key, leaseUntil: At(11, 4).AddMinutes(1));
        bot.AdvanceTo(At(11, 4).AddMinutes(2));

        await bot.StartAsync();
        await SchedulerHarness.Eventually(() => bot.Discord.DeliveredSnapshot().Count == 2, "the abandoned reminder, taken over");
        await bot.ExecutionsReach(2); // and settled

        Assert.Equal(DeliveryState.Delivered, (await bot.Ledger.FindAsync(key, default))!.State);
    }

    private static Dictionary<string, string?> OnPostgres(PostgresDatabase database) =>
        new(DayBeforeAndDayOf) { ["Scheduling:ConnectionString"] = database.ConnectionString };

    private static async Task RestartMidSchedule(SchedulerHarness bot)
    {
        bot.Timeline.Milestones = [Milestones.Day("m1", new DateOnly(2026, 11, 5)), Milestones.Day("m2", new DateOnly(2026, 11, 8))];
        await bot.StartAsync();

        bot.AdvanceTo(At(11, 4)); // m1, day before
        await SchedulerHarness.Eventually(() => bot.Discord.DeliveredSnapshot().Count == 2, "m1's day-before reminders");
        await bot.StopAsync();

        bot.AdvanceTo(At(11, 5, hour: 15)); // m1's day-of reminders come and go while the bot is down
        await bot.StartAsync();
        await SchedulerHarness.Eventually(() => bot.Discord.DeliveredSnapshot().Count == 4, "m1's missed day-of reminders, sent on start");

        bot.AdvanceTo(At(11, 7));
        await SchedulerHarness.Eventually(() => bot.Discord.DeliveredSnapshot().Count == 6, "m2's day-before reminders");
        await bot.StopAsync();
        await bot.StartAsync(); // and once more, with nothing due
        bot.AdvanceTo(At(11, 8));
        await SchedulerHarness.Eventually(() => bot.Discord.DeliveredSnapshot().Count == 8, "m2's day-of reminders");

        var posted = bot.Discord.DeliveredSnapshot()
            .Select(p => $"{((ReminderPost)p.Post).Milestone.Id} {((ReminderPost)p.Post).Lead.TotalDays}d {p.Channel}")
            .ToList();
        Assert.Equal(8, posted.Distinct().Count());
        Assert.Empty(await bot.Catalog.ListAsync());
    }

    [Fact]
    public async Task MissedReminder_WhoseMilestoneHasPassed_IsSkippedAndLogged()
    {
        await using var bot = new SchedulerHarness(Start, settings: DayBeforeAndDayOf, channels: "discord:100");
        bot.Timeline.Milestones = [Milestones.Day("m1", new DateOnly(2026, 11, 5))];
        await bot.StartAsync();
        await bot.StopAsync();

        bot.AdvanceTo(At(11, 6)); // both reminders and the milestone itself passed while the bot was down
        await bot.StartAsync();

        Assert.Empty(await bot.Catalog.ListAsync());
        Assert.Empty(bot.Discord.Attempts);
        Assert.Contains(bot.Warnings, w => w.StartsWith("Reminder P1D for m1 to discord:100 was due at 2026-11-04 09:00:00Z and never sent; skipped"));
        Assert.Contains(bot.Warnings, w => w.StartsWith("Reminder P0D for m1 to discord:100 was due at 2026-11-05 09:00:00Z and never sent; skipped"));
    }

    [Fact]
    public async Task ClaimLeftPendingByACrash_IsSentAgainOnStart()
    {
        await using var bot = new SchedulerHarness(Start, settings: DayBeforeAndDayOf, channels: "discord:100");
        bot.Timeline.Milestones = [Milestones.Day("m1", new DateOnly(2026, 11, 5))];
        await bot.StartAsync();
        var key = ScheduleKeys.ReminderDelivery("m1", new LeadTime(1), new ChannelAddress("discord", "100"));
        bot.AdvanceTo(At(11, 4));
        await bot.ExecutionsReach(1);
        await bot.StopAsync();
        // As if the process had died between claiming the post and hearing back from the platform: the claim is
        // pending, its trigger consumed, and the lease still live.
        await ReopenAsPendingAsync(bot, key, leaseUntil: At(11, 4).AddHours(1));

        await bot.StartAsync();
        await SchedulerHarness.Eventually(() => bot.Discord.DeliveredSnapshot().Count == 2, "the interrupted reminder, sent again");
        await bot.ExecutionsReach(2); // and settled

        Assert.Equal(DeliveryState.Delivered, (await bot.Ledger.FindAsync(key, default))!.State);
        Assert.Contains(bot.Warnings, w => w.Contains("1 posts were being sent when the bot last stopped"));
    }

    private static async Task ReopenAsPendingAsync(SchedulerHarness bot, string key, DateTimeOffset leaseUntil)
    {
        await using var connection = await bot.Database().OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE bb_delivery_ledger SET state = 'pending', lease_until = @lease WHERE delivery_key = @key";
        var lease = command.CreateParameter();
        lease.ParameterName = "@lease";
        lease.Value = leaseUntil.ToUnixTimeMilliseconds();
        var name = command.CreateParameter();
        name.ParameterName = "@key";
        name.Value = key;
        command.Parameters.Add(lease);
        command.Parameters.Add(name);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static DateTimeOffset At(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);
}
