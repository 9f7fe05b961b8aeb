namespace BriefingBot.Discord;

/// <summary>The reply to an interaction, sent inline as the HTTP response body.</summary>
/// <param name="Type">1 PONG, 4 message, 5 deferred message, 8 autocomplete choices.</param>
/// <param name="Data">A <see cref="DiscordMessage"/>, <see cref="AutocompleteChoices"/>, or for a deferral only its flags.</param>
public sealed record InteractionResponse(int Type, object? Data = null)
{
    public static InteractionResponse Pong { get; } = new(1);

    public static InteractionResponse Message(DiscordMessage message) => new(4, message);

    /// <summary>"Thinking…": the reply follows by editing the original. Whether it is ephemeral is decided now.</summary>
    public static InteractionResponse Deferred(bool ephemeral) => new(5, ephemeral ? new DeferredData(DiscordMessage.Ephemeral) : null);

    public static InteractionResponse Autocomplete(IEnumerable<string> names) =>
        new(8, new AutocompleteChoices([.. names
            .Where(n => n.Length is > 0 and <= DiscordLimits.ChoiceName)
            .Take(DiscordLimits.AutocompleteChoices)
            .Select(n => new AutocompleteChoice(n, n))]));

    private sealed record DeferredData(int Flags);
}

public sealed record AutocompleteChoices(IReadOnlyList<AutocompleteChoice> Choices);

public sealed record AutocompleteChoice(string Name, string Value);
