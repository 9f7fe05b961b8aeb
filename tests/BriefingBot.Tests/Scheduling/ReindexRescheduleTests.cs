using System.Text.Json;
using BriefingBot.Briefing;
using BriefingBot.Cli;
using BriefingBot.Delivery;
using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Scheduling;

/// <summary>
/// The whole path with the real briefing core over the shipped corpus: reminders planned from its timeline, posted
/// quoting and citing their source, and moved when an article extending the tariff truce is indexed the way an admin
/// reindexes, as <c>reminders --json</c> prints the plan.
/// </summary>
public sealed class ReindexRescheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TruceExpiryReminder_QuotesAndCitesTheShippedArticle()
    {
        using var folder = new TempFolder();
        await using var bot = new SchedulerHarness(Now, channels: "discord:100");
        bot.Briefing = TestBriefing.Create(RepositoryPaths.Corpus, folder.Combine("index"), bot.Clock);
        await bot.Briefing.ReindexAsync();
        await bot.StartAsync();

        bot.AdvanceTo(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero));
        await SchedulerHarness.Eventually(
            () => bot.Discord.DeliveredSnapshot().Any(p => p.Post is ReminderPost r && r.Milestone.Date == new DateOnly(2026, 11, 10)),
            "the 7-day reminder of the truce expiry");

        var reminder = bot.Discord.DeliveredSnapshot().Select(p => p.Post).OfType<ReminderPost>().Single(r => r.Milestone.Date == new DateOnly(2026, 11, 10));
        Assert.Equal("Both sides have suspended the 24 percent “reciprocal tariffs” for a year until November 10, 2026.", reminder.Milestone.Source);
        Assert.Equal("004_2fd1f5ad02ed59b2.txt", reminder.Milestone.Article.File);
        Assert.Contains(reminder.Milestone.Source, PostText.Render(reminder));
    }

    [Fact]
    public async Task ArticleExtendingTheDeadline_MovesItsReminders_InRemindersJson()
    {
        using var folder = new TempFolder();
        var corpus = RepositoryPaths.CopyCorpusTo(folder.Combine("corpus"));
        await using var bot = new SchedulerHarness(Now, channels: "discord:100");
        bot.Briefing = TestBriefing.Create(corpus, folder.Combine("index"), bot.Clock);
        await bot.Briefing.ReindexAsync();
        await bot.StartAsync();
        Assert.Equal(["2026-11-03T09:00:00Z", "2026-11-09T09:00:00Z", "2026-11-10T09:00:00Z"], await FireTimesFor(bot, "2026-11-10"));

        await File.WriteAllTextAsync(Path.Combine(corpus, "005_extension.md"), """
            ---
            title: Truce extended
            author: Test Writer
            published: 2026-10-20
            ---
            Negotiators met again in Geneva this week.

            Both sides have suspended the 24 percent “reciprocal tariffs” for another year until November 10, 2027.
            """);
        var result = await bot.Services.GetRequiredService<AdminReindexer>().RunAsync();

        Assert.Contains("reminders: 0 added, 0 removed, 3 moved", result.Effects);
        Assert.Empty(await FireTimesFor(bot, "2026-11-10"));
        Assert.Equal(["2027-11-03T09:00:00Z", "2027-11-09T09:00:00Z", "2027-11-10T09:00:00Z"], await FireTimesFor(bot, "2027-11-10"));
    }

    /// <summary>The <c>fireAt</c> of every reminder row for a milestone date, from the verb's JSON.</summary>
    private static async Task<List<string>> FireTimesFor(SchedulerHarness bot, string milestoneDate)
    {
        var json = JsonContract.Serialize(new JsonContract.RemindersJson([.. (await bot.Catalog.ListAsync()).Select(JsonContract.ReminderJson.From)]));
        return JsonDocument.Parse(json).RootElement.GetProperty("reminders").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "reminder" && r.GetProperty("milestoneDate").GetString() == milestoneDate)
            .Select(r => r.GetProperty("fireAt").GetString()!)
            .ToList();
    }
}
