using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BriefingBot.Briefing;
using BriefingBot.Delivery;

namespace BriefingBot.Discord;

/// <summary>
/// Posts reminders and digests into Discord channels as the bot (<c>POST /channels/{id}/messages</c>). Each message
/// carries a nonce derived from the channel and the post, with <c>enforce_nonce</c>, so a retry after a lost
/// response does not post twice.
/// </summary>
public sealed class DiscordChannelPoster(DiscordRestClient rest, DiscordMessageRenderer renderer) : IChannelPoster
{
    private const int NonceLength = 25;

    public string Platform => ChannelAddress.Discord;

    public async Task<DeliveryResult> PostAsync(ChannelAddress channel, Post post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(post);
        if (channel.Platform != Platform || !ulong.TryParse(channel.Id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            return new DeliveryResult(DeliveryStatus.PermanentFailure, $"'{channel}' is not a Discord channel (discord:<numeric channel id>).");

        var (messages, identity) = post switch
        {
            ReminderPost reminder => ([renderer.Reminder(reminder)], $"reminder|{reminder.Milestone.Id}|{reminder.Milestone.Date:O}|{reminder.Lead}"),
            DigestPost digest => (renderer.Digest(digest.Digest), $"digest|{digest.Digest.Today:O}"),
            _ => ((IReadOnlyList<DiscordMessage>)[], ""),
        };
        if (messages.Count == 0) return new DeliveryResult(DeliveryStatus.PermanentFailure, $"Discord cannot render a {post.GetType().Name}.");

        for (var page = 0; page < messages.Count; page++)
        {
            var nonce = Nonce($"{channel}|{identity}|{page}");
            var result = await rest.CreateMessageAsync(channel.Id, messages[page] with { Nonce = nonce, EnforceNonce = true }, cancellationToken);
            if (result.Succeeded) continue;
            var where = messages.Count == 1 ? "" : $" (message {page + 1} of {messages.Count})";
            var status = result.Outcome == DiscordRestOutcome.PermanentFailure ? DeliveryStatus.PermanentFailure : DeliveryStatus.TransientFailure;
            return new DeliveryResult(status, $"Discord refused the post to {channel}{where}: {result.Detail}");
        }
        return DeliveryResult.Delivered;
    }

    private static string Nonce(string identity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..NonceLength];
}
