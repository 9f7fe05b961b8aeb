using BriefingBot.Delivery;
using BriefingBot.Scheduling;
using Microsoft.Extensions.Options;

namespace BriefingBot.Tests.Scheduling;

/// <summary>Which reminders the timeline calls for, and at which instants: pure planning, no scheduler.</summary>
public sealed class ReminderPlannerTests
{
    private static readonly Subscription Channel = new(new ChannelAddress("discord", "100"));

    private static SchedulePolicy Policy(string zone = "UTC", string leads = "P7D,P1D,P0D", string time = "09:00") =>
        new(Options.Create(new SchedulingOptions { TimeZone = zone, LeadTimes = leads, ReminderTime = time }));

    [Fact]
    public void Reminder_FiresAtNineLocal_AcrossDstChange_InBerlin()
    {
        // Europe/Berlin goes from CET (+01:00) to CEST (+02:00) on 29 March 2026.
        var planner = new ReminderPlanner(Policy("Europe/Berlin"));

        var plan = planner.Plan([Milestones.Day("m1", new DateOnly(2026, 4, 2))], [Channel], new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            [
                new DateTimeOffset(2026, 3, 26, 8, 0, 0, TimeSpan.Zero), // P7D: 09:00 CET
                new DateTimeOffset(2026, 4, 1, 7, 0, 0, TimeSpan.Zero),  // P1D: 09:00 CEST
                new DateTimeOffset(2026, 4, 2, 7, 0, 0, TimeSpan.Zero),  // P0D
            ],
            plan.Select(p => p.FireAtUtc));
    }

    [Fact]
    public void Reminder_FiresAtNineLocal_AcrossDstChange_InNewYork()
    {
        // America/New_York goes from EST (-05:00) to EDT (-04:00) on 8 March 2026.
        var planner = new ReminderPlanner(Policy("America/New_York", "P7D,P1D"));

        var plan = planner.Plan([Milestones.Day("m1", new DateOnly(2026, 3, 10))], [Channel], new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            [new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero)],
            plan.Select(p => p.FireAtUtc));
    }

    [Fact]
    public void ReminderTime_TheClocksSkip_MovesForwardByTheGap()
    {
        // 02:30 does not exist in Berlin on 29 March 2026: the clocks jump from 02:00 to 03:00.
        var policy = Policy("Europe/Berlin", time: "02:30");

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)), policy.LocalTimeOn(new DateOnly(2026, 3, 29)));
    }

    [Fact]
    public void ReminderTime_TheClocksRepeat_IsTheFirstOfTheTwo()
    {
        // 02:30 happens twice in Berlin on 25 October 2026; the first is still summer time.
        var policy = Policy("Europe/Berlin", time: "02:30");

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), policy.LocalTimeOn(new DateOnly(2026, 10, 25)));
    }

    [Fact]
    public void OnlyDayPrecision_UpcomingAndCurrentMilestones_GetReminders()
    {
        var planner = new ReminderPlanner(Policy());
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var plan = planner.Plan(
            [
                Milestones.Day("past", new DateOnly(2026, 5, 31)),
                Milestones.Month("month", new DateOnly(2026, 9, 1)),
                Milestones.Day("moved", new DateOnly(2026, 9, 10), supersededBy: "later"),
                Milestones.Day("later", new DateOnly(2026, 10, 10)),
            ],
            [Channel],
            now);

        Assert.Equal(["later"], plan.Select(p => p.Milestone.Id).Distinct());
    }

    [Fact]
    public void EveryLeadTime_ForEveryChannelSubscribedToReminders()
    {
        var planner = new ReminderPlanner(Policy());
        var digestOnly = new Subscription(new ChannelAddress("teams", "19:abc@thread.tacv2"), Reminders: false, Digest: true);
        var other = new Subscription(new ChannelAddress("discord", "200"));

        var plan = planner.Plan([Milestones.Day("m1", new DateOnly(2026, 9, 10))], [Channel, digestOnly, other], new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(6, plan.Count);
        Assert.Equal(["discord:100", "discord:200"], plan.Select(p => p.Channel.ToString()).Distinct().Order());
        Assert.All(plan, p => Assert.False(p.Overdue));
    }

    [Fact]
    public void MissedReminders_OnlyTheLatestDueLeadIsPlanned_AsOverdue()
    {
        // Down since before the 7-day and 1-day reminders of a milestone that is today.
        var planner = new ReminderPlanner(Policy());
        var now = new DateTimeOffset(2026, 9, 9, 12, 0, 0, TimeSpan.Zero);

        var plan = planner.Plan([Milestones.Day("m1", new DateOnly(2026, 9, 10))], [Channel], now);

        Assert.Equal([("P1D", true), ("P0D", false)], plan.Select(p => (p.Lead.Iso, p.Overdue)));
    }

    [Fact]
    public void Keys_DependOnlyOnMilestoneLeadAndChannel()
    {
        var planner = new ReminderPlanner(Policy());
        var milestone = Milestones.Day("m1", new DateOnly(2026, 9, 10));

        var first = planner.Plan([milestone], [Channel], new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var again = planner.Plan([milestone with { Label = "relabelled" }], [Channel], new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(first.Select(p => p.Key), again.Select(p => p.Key));
        Assert.Equal(3, first.Select(p => p.Key).Distinct().Count());
    }
}
