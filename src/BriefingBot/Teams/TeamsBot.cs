using BriefingBot.Briefing;
using BriefingBot.Delivery;
using BriefingBot.Hosting;
using BriefingBot.Scheduling;
using Microsoft.Extensions.Options;

namespace BriefingBot.Teams;

/// <summary>
/// What the bot does with authenticated activities: answers commands (through <see cref="BriefingService"/> and
/// <see cref="AdminReindexer"/>), and keeps track of the conversations it is installed in.
/// </summary>
public sealed class TeamsBot(
    BriefingService briefing,
    AdminReindexer reindexer,
    ISubscriptionStore subscriptions,
    TeamsConversationStore conversations,
    BotConnectorClient connector,
    TeamsMessageRenderer renderer,
    IOptions<TeamsOptions> options,
    IOptions<SchedulingOptions> scheduling,
    TimeProvider time,
    ILogger<TeamsBot> logger)
{
    /// <summary>Runs the command in a message and replies to it (in its thread, for a channel).</summary>
    public async Task ReplyAsync(Activity activity, ConversationReference conversation, CancellationToken cancellationToken)
    {
        var command = TeamsCommandParser.Parse(activity);
        TeamsMessage reply;
        try
        {
            reply = await AnswerAsync(command, activity, conversation, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Teams command {Command} failed", command.GetType().Name);
            reply = renderer.Notice("Sorry, something went wrong while answering that. The error has been logged for the bot's admins.");
        }

        var result = activity.Id is null
            ? await connector.SendToConversationAsync(conversation, reply, cancellationToken)
            : await connector.ReplyAsync(conversation, activity.Id, reply, cancellationToken);
        if (!result.Succeeded)
            logger.LogWarning("Could not reply in Teams conversation {Conversation}: {Detail}", conversation.ConversationId, result.Detail);
    }

    /// <summary>The reply to <paramref name="command"/> sent by <paramref name="activity"/>'s author.</summary>
    public async Task<TeamsMessage> AnswerAsync(TeamsCommand command, Activity activity, ConversationReference conversation, CancellationToken cancellationToken)
    {
        var today = Today();
        switch (command)
        {
            case AskCommand ask:
                return renderer.Answer(briefing.Ask(ask.Question));
            case SaidCommand said:
                // The core recognises "what did X say" and returns every quotation attributed to X.
                return renderer.Answer(briefing.Ask($"What did {said.Person} say?"));
            case MilestonesCommand { Days: { } days }:
                return renderer.Milestones(briefing.Upcoming(today, days), today, days);
            case MilestonesCommand:
                // Upcoming first, soonest first; then the past, most recent first.
                var past = briefing.Timeline().Where(m => m.Date < today).Reverse();
                return renderer.Milestones([.. briefing.Upcoming(today), .. past], today, null);
            case DigestCommand:
                return renderer.Digest(briefing.BuildDigest(today, scheduling.Value.DigestHorizonDays, since: null));
            case HelpCommand help:
                return renderer.Help(help.Problem);
        }

        if (!IsAdmin(activity))
        {
            logger.LogInformation("Refused {Command} from non-admin {User}", command.GetType().Name, activity.From?.AadObjectId);
            return renderer.Notice(
                $"Only the bot's admins can do that. An admin adds your Entra object id ({activity.From?.AadObjectId ?? "unknown"}) to Teams:AdminIds.");
        }

        var channel = new ChannelAddress(ChannelAddress.Teams, conversation.BaseConversationId);
        switch (command)
        {
            case ReindexCommand:
                return renderer.Reindex(await reindexer.RunAsync(cancellationToken));
            case SubscribeCommand:
                await conversations.SaveAsync(conversation, cancellationToken);
                await subscriptions.SubscribeAsync(new Subscription(channel), cancellationToken);
                return renderer.Notice("Subscribed: this conversation will get milestone reminders and the digest.");
            case UnsubscribeCommand:
                return renderer.Notice(await subscriptions.UnsubscribeAsync(channel, cancellationToken)
                    ? "Unsubscribed: no more reminders or digests here."
                    : "This conversation was not subscribed.");
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command.");
        }
    }

    /// <summary>
    /// Remembers the conversations the bot is added to (<c>conversationUpdate</c> with the bot among
    /// <c>membersAdded</c>, <c>installationUpdate</c> <c>add</c>) and forgets the ones it is removed from, with
    /// their subscriptions.
    /// </summary>
    public async Task TrackInstallationAsync(Activity activity, ConversationReference conversation, CancellationToken cancellationToken)
    {
        var botId = conversation.BotId;
        bool Includes(IReadOnlyList<ChannelAccount>? members) => members?.Any(m => m.Id == botId) == true;

        var added = activity.Type == ActivityTypes.InstallationUpdate
            ? activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true
            : Includes(activity.MembersAdded);
        var removed = activity.Type == ActivityTypes.InstallationUpdate
            ? activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true
            : Includes(activity.MembersRemoved);

        if (added)
        {
            await conversations.SaveAsync(conversation, cancellationToken);
            logger.LogInformation("Installed in Teams conversation {Conversation} ({Type})", conversation.BaseConversationId, conversation.ConversationType);
        }
        else if (removed)
        {
            // Removed from a team: every channel of it goes.
            var forgotten = conversation.TeamId is { } team
                ? await conversations.RemoveTeamAsync(team, cancellationToken)
                : await conversations.RemoveAsync(conversation.ConversationId, cancellationToken);
            foreach (var id in forgotten.Append(conversation.BaseConversationId).Distinct())
                await subscriptions.UnsubscribeAsync(new ChannelAddress(ChannelAddress.Teams, id), cancellationToken);
            logger.LogInformation("Removed from Teams conversation {Conversation}; forgot {Count} conversation(s)", conversation.BaseConversationId, forgotten.Count);
        }
    }

    /// <summary>Today where the scheduler lives (<c>Scheduling:TimeZone</c>), so "upcoming" means what reminders mean.</summary>
    private DateOnly Today()
    {
        var now = time.GetUtcNow();
        return TimeZoneInfo.TryFindSystemTimeZoneById(scheduling.Value.TimeZone, out var zone)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime)
            : DateOnly.FromDateTime(now.UtcDateTime);
    }

    private bool IsAdmin(Activity activity) =>
        activity.From?.AadObjectId is { } user
        && options.Value.AdminIds.Any(admin => string.Equals(admin, user, StringComparison.OrdinalIgnoreCase));
}
