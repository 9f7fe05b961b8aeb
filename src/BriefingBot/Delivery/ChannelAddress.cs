namespace BriefingBot.Delivery;

/// <summary>
/// Where a post goes: <c>discord:&lt;channel id&gt;</c> or <c>teams:&lt;conversation id&gt;</c>.
/// </summary>
public sealed record ChannelAddress(string Platform, string Id)
{
    public const string Discord = "discord";
    public const string Teams = "teams";

    /// <summary>Parses <c>platform:id</c>; the id may itself contain colons (Teams conversation ids do).</summary>
    public static bool TryParse(string? text, out ChannelAddress address)
    {
        address = null!;
        var colon = text?.IndexOf(':') ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1) return false;
        address = new ChannelAddress(text[..colon].Trim().ToLowerInvariant(), text[(colon + 1)..].Trim());
        return true;
    }

    public override string ToString() => $"{Platform}:{Id}";
}
