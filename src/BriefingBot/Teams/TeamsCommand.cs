using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace BriefingBot.Teams;

/// <summary>What a Teams message asks the bot to do.</summary>
public abstract record TeamsCommand;

public sealed record AskCommand(string Question) : TeamsCommand;

public sealed record SaidCommand(string Person) : TeamsCommand;

/// <param name="Days">Only milestones within this many days; null for every upcoming one, then the past ones.</param>
public sealed record MilestonesCommand(int? Days) : TeamsCommand;

public sealed record DigestCommand : TeamsCommand;

public sealed record SubscribeCommand : TeamsCommand;

public sealed record UnsubscribeCommand : TeamsCommand;

public sealed record ReindexCommand : TeamsCommand;

/// <param name="Problem">Why help is shown instead of an answer ("I don't know the command “foo”."), or null when asked for.</param>
public sealed record HelpCommand(string? Problem = null) : TeamsCommand;

/// <summary>
/// Turns the text of a Teams message into a <see cref="TeamsCommand"/>: strips the bot's own @mention (from the
/// mention entities, never by guessing at the visible text), decodes HTML, then reads a verb. A message of several
/// words that does not start with a verb is a question; a lone unknown word, or an unknown <c>/verb</c>, gets help.
/// </summary>
public static partial class TeamsCommandParser
{
    /// <summary>Longest <c>milestones</c> window, in days (ten years).</summary>
    public const int MaxDays = 3650;

    public static TeamsCommand Parse(Activity activity) => Parse(StripRecipientMention(activity));

    /// <summary>Reads the command in text that no longer carries the bot's mention.</summary>
    public static TeamsCommand Parse(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return new HelpCommand();

        var space = text.IndexOfAny([' ', '\n', '\t']);
        var word = space < 0 ? text : text[..space];
        var rest = space < 0 ? "" : text[(space + 1)..].Trim();
        var slashed = word.StartsWith('/');
        var verb = word.TrimStart('/').ToLowerInvariant();

        switch (verb)
        {
            case "ask":
                return rest.Length > 0 ? new AskCommand(rest) : new HelpCommand("“ask” needs a question, for example: ask what was agreed?");
            case "said":
                return rest.Length > 0 ? new SaidCommand(rest) : new HelpCommand("“said” needs a person, for example: said Jane Doe");
            case "milestones":
                if (rest.Length == 0) return new MilestonesCommand(null);
                return int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxDays
                    ? new MilestonesCommand(days)
                    : new HelpCommand($"“milestones” takes a number of days from 1 to {MaxDays}, for example: milestones 30");
            case "digest" or "subscribe" or "unsubscribe" or "reindex" or "help" when rest.Length > 0:
                return new HelpCommand($"“{verb}” takes nothing after it.");
            case "digest":
                return new DigestCommand();
            case "subscribe":
                return new SubscribeCommand();
            case "unsubscribe":
                return new UnsubscribeCommand();
            case "reindex":
                return new ReindexCommand();
            case "help":
                return new HelpCommand();
        }

        // "/foo" or a single word is a command attempt; anything longer is a question.
        return slashed || rest.Length == 0
            ? new HelpCommand($"I don't know the command “{Shorten(word)}”.")
            : new AskCommand(text);
    }

    /// <summary>
    /// The message text without the bot's own mention: for every mention entity naming the recipient, its text (or
    /// <c>&lt;at&gt;name&lt;/at&gt;</c> when Teams omitted it) is removed; then HTML entities are decoded, remaining tags
    /// (other people's <c>&lt;at&gt;</c>) dropped and whitespace collapsed.
    /// </summary>
    public static string StripRecipientMention(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity is null || !string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || botId is null || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal))
                continue;
            if (!string.IsNullOrEmpty(entity.Text))
                text = text.Replace(entity.Text, " ", StringComparison.OrdinalIgnoreCase);
            else if (!string.IsNullOrEmpty(entity.Mentioned?.Name))
            {
                // Names with '&' have arrived without entity text, escaped or not in the message text.
                text = text.Replace($"<at>{entity.Mentioned.Name}</at>", " ", StringComparison.OrdinalIgnoreCase)
                           .Replace($"<at>{WebUtility.HtmlEncode(entity.Mentioned.Name)}</at>", " ", StringComparison.OrdinalIgnoreCase);
            }
        }
        text = WebUtility.HtmlDecode(Tags().Replace(text, ""));
        return Whitespace().Replace(text, " ").Trim();
    }

    private static string Shorten(string word) => word.Length <= 40 ? word : word[..40] + "…";

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex Tags();

    // \s covers the no-break spaces Teams puts around mentions.
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
