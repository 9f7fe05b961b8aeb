namespace BriefingBot.Discord;

/// <summary>
/// A message as Discord receives it: an interaction reply, a webhook edit or follow-up, or a channel post.
/// Build it with <see cref="DiscordMessageRenderer"/>, which keeps it within <see cref="DiscordLimits"/>.
/// </summary>
/// <param name="AllowedMentions">Always <see cref="DiscordAllowedMentions.None"/>: quoted text must never ping anyone.</param>
/// <param name="Flags">64 (<see cref="Ephemeral"/>) makes an interaction reply visible to its invoker only.</param>
/// <param name="Nonce">Channel posts only: with <paramref name="EnforceNonce"/>, a retried post within minutes is not duplicated.</param>
public sealed record DiscordMessage(
    string? Content,
    IReadOnlyList<DiscordEmbed>? Embeds = null,
    int? Flags = null,
    string? Nonce = null,
    bool? EnforceNonce = null)
{
    /// <summary>The flag that makes an interaction reply visible to the invoker only.</summary>
    public const int Ephemeral = 64;

    public DiscordAllowedMentions AllowedMentions { get; init; } = DiscordAllowedMentions.None;
}

/// <summary>Which mentions in a message may notify; <see cref="None"/> parses none.</summary>
public sealed record DiscordAllowedMentions(IReadOnlyList<string> Parse)
{
    public static DiscordAllowedMentions None { get; } = new([]);
}

/// <summary>A rich embed. Every text counts toward the 6000-character total of the message.</summary>
public sealed record DiscordEmbed(
    string? Title,
    string? Description,
    IReadOnlyList<DiscordEmbedField>? Fields = null,
    DiscordEmbedFooter? Footer = null,
    int? Color = null)
{
    /// <summary>Characters this embed adds to the message total (title, description, fields, footer), trimmed as Discord counts them.</summary>
    public int Size =>
        Measure(Title) + Measure(Description) + Measure(Footer?.Text)
        + (Fields?.Sum(f => Measure(f.Name) + Measure(f.Value)) ?? 0);

    private static int Measure(string? text) => text?.Trim().Length ?? 0;
}

public sealed record DiscordEmbedField(string Name, string Value, bool Inline = false);

public sealed record DiscordEmbedFooter(string Text);

/// <summary>
/// Discord's documented message limits. Lengths are counted in UTF-16 units, which is stricter than Discord's
/// code points (an emoji counts twice), so a message within these is always accepted.
/// </summary>
public static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int FieldsPerEmbed = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Footer = 2048;

    /// <summary>Title, description, field names and values, footer and author, summed over every embed of a message.</summary>
    public const int EmbedTotal = 6000;

    public const int AutocompleteChoices = 25;
    public const int ChoiceName = 100;
}
