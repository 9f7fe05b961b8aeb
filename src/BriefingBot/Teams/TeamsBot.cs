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
    SchedulePolicy schedule,
    IDeliveryLedger ledger,
    IndexReadiness readiness,
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
        // "Today" where the team is: the scheduler's time zone, so "upcoming" means what the reminders mean.
        var today = schedule.LocalDate(time.GetUtcNow());
        var channel = new ChannelAddress(ChannelAddress.Teams, conversation.BaseConversationId);
        // Answers come from the current index, even while a rebuild runs; only before the first one is there nothing to say.
        if (command is AskCommand or SaidCommand or MilestonesCommand or DigestCommand && briefing.Catalog.Articles.Count == 0)
            return renderer.Notice(readiness.IsReady
                ? "The corpus has no articles yet."
                : $"I can't answer yet ({readiness.Failure}). Try again in a minute.");
        switch (command)
        {
            case AskCommand ask:
                return renderer.Answer(briefing.Ask(ask.Question));
            case SaidCommand said:
                return renderer.Answer(briefing.Said(said.Person));
            case MilestonesCommand { Days: { } days }:
                return renderer.Milestones(briefing.Upcoming(today, days), today, days);
            case MilestonesCommand:
                // Upcoming first, soonest first; then the past, most recent first.
                var past = briefing.Timeline().Where(m => BriefingService.IsPast(m, today)).Reverse();
                return renderer.Milestones([.. briefing.Upcoming(today), .. past], today, null);
            case DigestCommand:
                // New articles are those since this conversation's last scheduled digest, as in the scheduled one.
                var since = await ledger.LastDeliveredAsync(PostKinds.Digest, channel.ToString(), cancellationToken);
                return renderer.Digest(briefing.BuildDigest(today, schedule.DigestHorizonDays, since));
            case HelpCommand help:
                return renderer.Help(help.Problem);
        }

        if (!IsAdmin(activity))
        {
            logger.LogInformation("Refused {Command} from non-admin {User}", command.GetType().Name, activity.From?.AadObjectId);
            return renderer.Notice(
                $"Only the bot's admins can do that. An admin adds your Entra object id ({activity.From?.AadObjectId ?? "unknown"}) to Teams:AdminIds.");
        }

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
        bool Includes(IReadOnlyList<ChannelAccount?>? members) => members?.Any(m => m?.Id == botId) == true;

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

    private bool IsAdmin(Activity activity) =>
        activity.From?.AadObjectId is { } user
        && options.Value.AdminIds.Any(admin => string.Equals(admin, user, StringComparison.OrdinalIgnoreCase));
}
