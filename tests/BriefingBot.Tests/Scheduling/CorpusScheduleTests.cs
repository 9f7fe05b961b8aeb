using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Scheduling;
using BriefingBot.Timeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Tests.Scheduling;

/// <summary>Reminders planned from the shipped corpus's own timeline (real reader, real date extraction).</summary>
public sealed class CorpusScheduleTests
{
    private const string ExpirySentence = "Both sides have suspended the 24 percent “reciprocal tariffs” for a year until November 10, 2026.";
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TariffSuspensionExpiry_GetsItsReminders_FromTheShippedCorpus()
    {
        var corpus = new CorpusTimeline(RepositoryPaths.Corpus);
        await using var bot = new SchedulerHarness(Now, channels: "discord:100");
        bot.Timeline.Milestones = corpus.Timeline();
        await bot.StartAsync();

        var expiry = Assert.Single(bot.Timeline.Milestones, m => m.Date == new DateOnly(2026, 11, 10) && m.Source == ExpirySentence);
        var reminders = (await bot.Catalog.ListAsync()).Where(p => p.MilestoneId == expiry.Id).ToList();

        Assert.Equal(
            [(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero), "P7D"), (new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.Zero), "P1D"), (new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero), "P0D")],
            reminders.Select(r => (r.FireAtUtc, r.Lead!)));
        Assert.All(reminders, r => Assert.Equal("discord:100", r.Channel));
    }

    [Fact]
    public async Task NewArticleExtendingTheDeadline_MovesItsReminders()
    {
        using var folder = new TempFolder();
        var corpus = new CorpusTimeline(RepositoryPaths.CopyCorpusTo(folder.Combine("corpus")));
        await using var bot = new SchedulerHarness(Now, channels: "discord:100");
        bot.Timeline.Milestones = corpus.Timeline();
        await bot.StartAsync();
        var before = await bot.Catalog.ListAsync();
        Assert.Contains(before, p => p.MilestoneDate == new DateOnly(2026, 11, 10));

        await File.WriteAllTextAsync(folder.Combine("corpus", "005_extension.md"), """
            ---
            title: Truce extended
            author: Test Writer
            published: 2026-10-20
            ---
            Negotiators met again in Geneva this week.

            Both sides have suspended the 24 percent “reciprocal tariffs” for another year until November 10, 2027.
            """);
        bot.Timeline.Milestones = corpus.Timeline();
        var effect = await bot.Services.GetServices<BriefingBot.Hosting.IReindexObserver>().OfType<ReminderRescheduler>().Single().OnReindexedAsync(Report(bot.Timeline.Milestones), default);

        var after = await bot.Catalog.ListAsync();
        Assert.Equal("reminders: 0 added, 0 removed, 3 moved", effect);
        Assert.DoesNotContain(after, p => p.MilestoneDate == new DateOnly(2026, 11, 10));
        Assert.Equal(
            [new DateTimeOffset(2027, 11, 3, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 9, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 10, 9, 0, 0, TimeSpan.Zero)],
            after.Where(p => p.MilestoneDate == new DateOnly(2027, 11, 10)).Select(p => p.FireAtUtc));
    }

    private static ReindexReport Report(IReadOnlyList<Milestone> timeline) =>
        new(6, 0, 0, [], [], [], 0, [], [], [], timeline, [], TimeSpan.Zero);

    /// <summary>The timeline of a corpus folder, read the way the index reads it.</summary>
    private sealed class CorpusTimeline(string folder)
    {
        public IReadOnlyList<Milestone> Timeline() =>
            new TimelineBuilder(new DateExtractor()).Build(new CorpusReader(NullLogger<CorpusReader>.Instance).Read(folder).Articles);
    }
}
