using System.Security.Cryptography;
using System.Text;
using BriefingBot.Delivery;
using Quartz;

namespace BriefingBot.Scheduling;

/// <summary>
/// The names everything the bot stores in Quartz goes by. Trigger keys are derived from what they deliver, so
/// planning the same timeline twice writes the same keys (idempotent), and the delivery ledger is keyed the same way.
/// </summary>
internal static class ScheduleKeys
{
    public const string Group = "briefingbot";
    public const string ReminderGroup = "briefingbot.reminders";
    public const string DigestGroup = "briefingbot.digests";
    public const string LookAgainGroup = "briefingbot.look-again";

    public static readonly JobKey ReminderJob = new("reminder", Group);
    public static readonly JobKey DigestJob = new("digest", Group);

    /// <summary>Names of the job data each trigger carries.</summary>
    public static class Data
    {
        public const string MilestoneId = "milestoneId";
        public const string MilestoneDate = "milestoneDate";
        public const string Lead = "lead";
        public const string Channel = "channel";
    }

    /// <summary>
    /// The reminder trigger for (milestone, lead, channel). The name is a digest of the three because Quartz stores
    /// names in 200-character columns and Teams conversation ids and milestone ids are long; the readable values
    /// travel in the trigger's job data.
    /// </summary>
    public static TriggerKey Reminder(string milestoneId, LeadTime lead, ChannelAddress channel) =>
        new($"{lead.Iso}-{Hash(milestoneId, lead.Iso, channel.ToString())}", ReminderGroup);

    public static TriggerKey Digest(ChannelAddress channel) => new($"digest-{Hash(channel.ToString())}", DigestGroup);

    /// <summary>
    /// The extra firing of a delivery another firing holds (<see cref="ScheduledDelivery"/>): in a group of its own,
    /// which the synchronizer neither plans nor prunes.
    /// </summary>
    public static TriggerKey LookAgain(string deliveryKey) => new($"again-{Hash(deliveryKey)}", LookAgainGroup);

    /// <summary>The ledger key of a reminder: at most one post per (milestone, lead, channel), ever.</summary>
    public static string ReminderDelivery(string milestoneId, LeadTime lead, ChannelAddress channel) =>
        $"reminder|{milestoneId}|{lead.Iso}|{channel}";

    /// <summary>The ledger key of a digest: at most one post per (scheduled occurrence, channel).</summary>
    public static string DigestDelivery(DateTimeOffset occurrence, ChannelAddress channel) =>
        $"digest|{occurrence.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}|{channel}";

    private static string Hash(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 12));
    }
}
