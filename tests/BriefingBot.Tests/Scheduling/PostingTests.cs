using BriefingBot.Briefing;
using BriefingBot.Delivery;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Tests.Scheduling;

/// <summary>Routing a post to its platform's poster, and the plain-text rendering the log poster writes.</summary>
public sealed class PostingTests
{
    private static readonly ReminderPost Reminder = new(Milestones.Day("m1", new DateOnly(2026, 11, 10)), TimeSpan.FromDays(1));

    [Fact]
    public async Task Post_GoesToThePosterOfItsPlatform()
    {
        var discord = new RecordingPoster("discord");
        var teams = new RecordingPoster("teams");
        var router = new ChannelPosterRouter([discord, teams], NullLogger<ChannelPosterRouter>.Instance);

        var result = await router.PostAsync(new ChannelAddress("teams", "19:abc@thread.v2"), Reminder, default);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Empty(discord.Attempts);
        Assert.Single(teams.Attempts);
    }

    [Fact]
    public async Task PosterThatThrows_IsATransientFailure()
    {
        var router = new ChannelPosterRouter([new ThrowingPoster()], NullLogger<ChannelPosterRouter>.Instance);

        var result = await router.PostAsync(new ChannelAddress("discord", "1"), Reminder, default);

        Assert.Equal(new DeliveryResult(DeliveryStatus.TransientFailure, "The request was canceled due to the configured HttpClient.Timeout"), result);
    }

    [Fact]
    public void Reminder_RendersLabelDateWhenQuoteAndCitation()
    {
        var text = PostText.Render(Reminder);

        Assert.Equal(
            """
            Reminder: deadline m1 — Tuesday 10 November 2026 (tomorrow).
            “The suspension m1 runs until November 10, 2026.”
            — Truce extended, A. Writer, 2026-01-05, paragraph 3 (wire/truce.txt)
            """,
            text);
    }

    [Fact]
    public void Digest_ListsWhatIsComingUp_WithCitations()
    {
        var digest = new Digest(new DateOnly(2026, 11, 2), 14, [Reminder.Milestone], [Milestones.Article], []);

        var text = PostText.Render(new DigestPost(digest));

        Assert.Contains("- 2026-11-10: deadline m1 (Truce extended, A. Writer, 2026-01-05, paragraph 3 (wire/truce.txt))", text);
        Assert.Contains("New articles:\n- Truce extended, A. Writer", text.ReplaceLineEndings("\n"));
    }

    private sealed class ThrowingPoster : IChannelPoster
    {
        public string Platform => "discord";

        public Task<DeliveryResult> PostAsync(ChannelAddress channel, Post post, CancellationToken cancellationToken) =>
            throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout");
    }
}
