using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BriefingBot.Briefing;
using BriefingBot.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static BriefingBot.Tests.Teams.TeamsActivities;

namespace BriefingBot.Tests.Teams;

/// <summary>Commands answered from the real corpus, on a fixed date.</summary>
public sealed class TeamsBotTests : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private FakeBotFramework fake = null!;
    private TeamsTestHost host = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeBotFramework.StartAsync();
        host = await TeamsTestHost.StartAsync(TeamsTestHost.Settings(fake, folder));
        await host.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await fake.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task Milestones_ListEveryMilestoneOnce_UpcomingFirst()
    {
        var today = new DateOnly(2026, 6, 1);
        var bot = ActivatorUtilities.CreateInstance<TeamsBot>(host.Services,
            (TimeProvider)new FakeTimeProvider(new DateTimeOffset(today, new TimeOnly(12, 0), TimeSpan.Zero)));
        var timeline = host.Services.GetRequiredService<BriefingService>().Timeline();

        var message = await bot.AnswerAsync(new MilestonesCommand(null), new Activity(), Conversation(), default);

        var body = JsonNode.Parse(message.CardJson)!["body"]!.AsArray();
        var sections = body.Where(e => (string?)e!["type"] == "Container").Select(e => e!.ToJsonString()).ToList();
        Assert.Equal(sections.Count, sections.Distinct().Count());
        var footer = message.Summary.Split('\n')[^1];
        var omitted = Regex.Match(footer, @"(\d+) more milestones? not shown") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;
        Assert.Equal(timeline.Count, sections.Count + omitted);
        Assert.Contains(timeline, m => BriefingService.IsPast(m, today));
        Assert.Contains(timeline, m => !BriefingService.IsPast(m, today));

        // Each section's second paragraph is its source sentence: no past milestone before an upcoming one.
        var past = body.Where(e => (string?)e!["type"] == "Container")
            .Select(e => (string?)e!["items"]![1]!["inlines"]![0]!["text"])
            .Select(source => timeline.Where(m => m.Source == source).All(m => BriefingService.IsPast(m, today)))
            .ToList();
        Assert.Equal(past.Order(), past);
    }

    private static ConversationReference Conversation() =>
        new(PersonalConversationId, "https://smba.trafficmanager.net/emea/", "msteams", TenantId, "personal", null, BotId, BotName, DateTimeOffset.UnixEpoch);
}
