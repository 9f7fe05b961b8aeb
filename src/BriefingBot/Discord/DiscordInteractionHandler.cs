using BriefingBot.Briefing;
using BriefingBot.Delivery;
using BriefingBot.Hosting;
using BriefingBot.Scheduling;

namespace BriefingBot.Discord;

/// <summary>
/// Answers a verified interaction. Anything that may take longer than Discord's 3-second deadline (asking,
/// quoting a person, the digest, reindexing) is deferred to <see cref="DiscordFollowUpQueue"/>; milestones,
/// subscriptions, help and autocomplete are answered inline. Permissions are checked here, from the member's
/// permission bits, whatever the command's visibility in Discord says.
/// </summary>
public sealed class DiscordInteractionHandler(
    BriefingService briefing,
    AdminReindexer reindexer,
    ISubscriptionStore subscriptions,
    DiscordMessageRenderer renderer,
    DiscordFollowUpQueue followUps,
    SchedulePolicy schedule,
    IDeliveryLedger ledger,
    IndexReadiness readiness,
    TimeProvider time,
    ILogger<DiscordInteractionHandler> logger)
{
    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                return InteractionResponse.Pong;
            case InteractionType.Autocomplete:
                return Autocomplete(interaction);
            case InteractionType.ApplicationCommand:
                return await CommandAsync(interaction, cancellationToken);
            default:
                logger.LogInformation("Ignored interaction {InteractionId} of unsupported type {Type}", interaction.Id, (int)interaction.Type);
                return Refuse("This bot only answers slash commands.");
        }
    }

    private async Task<InteractionResponse> CommandAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var name = interaction.Data?.Name ?? "";
        logger.LogInformation("/{Command} from user {UserId} in {Place}", name, interaction.Invoker?.Id, interaction.GuildId is null ? "a DM" : "guild " + interaction.GuildId);
        // An answer from a missing index would read as "the articles say nothing"; say what is really going on.
        if (NeedsIndex(name) && !readiness.IsReady)
            return Refuse($"I'm not ready to answer yet ({readiness.Failure}); please try again in a minute.");
        return name switch
        {
            DiscordCommands.Ask => Ask(interaction),
            DiscordCommands.Said => Said(interaction),
            DiscordCommands.Milestones => Milestones(interaction),
            DiscordCommands.Digest => Defer(interaction, name, ephemeral: false, ct => DigestAsync(interaction, ct)),
            DiscordCommands.Subscribe => await SubscribeAsync(interaction, cancellationToken),
            DiscordCommands.Unsubscribe => await UnsubscribeAsync(interaction, cancellationToken),
            DiscordCommands.Reindex => Reindex(interaction),
            DiscordCommands.Help => InteractionResponse.Message(renderer.Help()),
            _ => InteractionResponse.Message(renderer.Help(name)),
        };
    }

    private static bool NeedsIndex(string command) =>
        command is DiscordCommands.Ask or DiscordCommands.Said or DiscordCommands.Milestones or DiscordCommands.Digest;

    private InteractionResponse Ask(Interaction interaction)
    {
        var question = interaction.Option("question")?.StringValue?.Trim();
        if (string.IsNullOrEmpty(question)) return Refuse("Ask a question, e.g. `/ask question: when does the truce expire?`");
        var top = interaction.Option("top")?.IntegerValue;
        if (top is < 1 or > 10) return Refuse("`top` must be between 1 and 10.");
        return Defer(interaction, DiscordCommands.Ask, ephemeral: false, _ => renderer.Answer(briefing.Ask(question, (int?)top)));
    }

    private InteractionResponse Said(Interaction interaction)
    {
        var person = interaction.Option("person")?.StringValue?.Trim();
        if (string.IsNullOrEmpty(person)) return Refuse("Name a person, e.g. `/said person: <name>`; suggestions appear as you type.");
        return Defer(interaction, DiscordCommands.Said, ephemeral: false, _ => renderer.Answer(briefing.Said(person)));
    }

    private InteractionResponse Milestones(Interaction interaction)
    {
        var days = interaction.Option("days")?.IntegerValue;
        if (days is < 1 or > 3650) return Refuse("`days` must be between 1 and 3650.");
        return InteractionResponse.Message(renderer.Milestones(briefing.Upcoming(Today(), (int?)days), (int?)days));
    }

    // New articles are those since this channel's last scheduled digest, as in the scheduled one; all of them in a
    // channel that never had one.
    private async Task<IReadOnlyList<DiscordMessage>> DigestAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var since = interaction.ChannelId is null ? null : await ledger.LastDeliveredAsync(PostKinds.Digest, ChannelOf(interaction).ToString(), cancellationToken);
        return renderer.Digest(briefing.BuildDigest(Today(), schedule.DigestHorizonDays, since));
    }

    private async Task<InteractionResponse> SubscribeAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (ChannelManagerRefusal(interaction, DiscordCommands.Subscribe) is { } refusal) return refusal;
        var reminders = interaction.Option("reminders")?.BooleanValue ?? true;
        var digest = interaction.Option("digest")?.BooleanValue ?? true;
        if (!reminders && !digest) return Refuse("Nothing to subscribe to: leave `reminders` or `digest` on, or use /unsubscribe.");

        await subscriptions.SubscribeAsync(new Subscription(ChannelOf(interaction), reminders, digest), cancellationToken);
        var what = (reminders, digest) switch
        {
            (true, true) => "milestone reminders and digests",
            (true, false) => "milestone reminders",
            _ => "digests",
        };
        return InteractionResponse.Message(renderer.Notice($"This channel will receive {what}.", ephemeral: false));
    }

    private async Task<InteractionResponse> UnsubscribeAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (ChannelManagerRefusal(interaction, DiscordCommands.Unsubscribe) is { } refusal) return refusal;
        return await subscriptions.UnsubscribeAsync(ChannelOf(interaction), cancellationToken)
            ? InteractionResponse.Message(renderer.Notice("This channel will no longer receive reminders or digests.", ephemeral: false))
            : Refuse("This channel was not subscribed.");
    }

    private InteractionResponse? ChannelManagerRefusal(Interaction interaction, string command) =>
        interaction.Member is null || interaction.ChannelId is null
            ? Refuse($"/{command} works in a server channel: subscriptions belong to channels.")
            : !interaction.Member.Has(DiscordPermissions.ManageChannels)
                ? Refuse($"/{command} needs the Manage Channels permission in this channel.")
                : null;

    private InteractionResponse Reindex(Interaction interaction)
    {
        if (interaction.Member is null) return Refuse("/reindex is for server administrators and works only inside a server.");
        if (!interaction.Member.Has(DiscordPermissions.Administrator)) return Refuse("Only server administrators can run /reindex.");
        return Defer(interaction, DiscordCommands.Reindex, ephemeral: true,
            async ct => [renderer.Reindex(await reindexer.RunAsync(ct))]);
    }

    private InteractionResponse Autocomplete(Interaction interaction)
    {
        var focused = interaction.Data?.Options?.FirstOrDefault(o => o.Focused == true);
        if (interaction.Data?.Name != DiscordCommands.Said || focused?.Name != "person") return InteractionResponse.Autocomplete([]);
        return InteractionResponse.Autocomplete(briefing.Speakers(focused.StringValue?.Trim() ?? "", DiscordLimits.AutocompleteChoices));
    }

    private InteractionResponse Defer(Interaction interaction, string command, bool ephemeral, Func<CancellationToken, IReadOnlyList<DiscordMessage>> work) =>
        Defer(interaction, command, ephemeral, ct => Task.FromResult(work(ct)));

    private InteractionResponse Defer(Interaction interaction, string command, bool ephemeral, Func<CancellationToken, Task<IReadOnlyList<DiscordMessage>>> work) =>
        followUps.TryEnqueue(new FollowUpJob(interaction.Id, interaction.Token, ephemeral, command, work)) switch
        {
            EnqueueResult.Full => Refuse("I'm busy answering others; please try again in a minute."),
            _ => InteractionResponse.Deferred(ephemeral),
        };

    private InteractionResponse Refuse(string text) => InteractionResponse.Message(renderer.Notice(text));

    private static ChannelAddress ChannelOf(Interaction interaction) => new(ChannelAddress.Discord, interaction.ChannelId!);

    // "Today" where the team is: the scheduler's time zone, so /milestones agrees with the reminders.
    private DateOnly Today() => schedule.LocalDate(time.GetUtcNow());
}
