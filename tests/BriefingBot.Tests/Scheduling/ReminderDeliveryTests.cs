using BriefingBot.Briefing;
using BriefingBot.Delivery;
using BriefingBot.Scheduling;

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
}
