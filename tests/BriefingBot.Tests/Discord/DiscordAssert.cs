using System.Text.Json;
using System.Text.RegularExpressions;
using BriefingBot.Discord;

namespace BriefingBot.Tests.Discord;

/// <summary>Checks on a message as Discord receives it (the JSON on the wire).</summary>
public static partial class DiscordAssert
{
    /// <summary>Every documented limit of §4 of the spec holds, and no mention can ping.</summary>
    public static void IsAcceptableMessage(JsonElement message)
    {
        Assert.Equal(JsonValueKind.Array, message.GetProperty("allowed_mentions").GetProperty("parse").ValueKind);
        Assert.Empty(message.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());

        var content = Text(message, "content");
        var embeds = message.TryGetProperty("embeds", out var e) ? e.EnumerateArray().ToList() : [];
        Assert.True(content.Length > 0 || embeds.Count > 0, "an empty message is refused (50006)");
        Assert.True(content.Length <= DiscordLimits.Content, $"content has {content.Length} characters");
        Assert.True(embeds.Count <= DiscordLimits.EmbedsPerMessage, $"{embeds.Count} embeds");

        var total = 0;
        foreach (var embed in embeds)
        {
            total += Within(embed, "title", DiscordLimits.EmbedTitle) + Within(embed, "description", DiscordLimits.EmbedDescription);
            if (embed.TryGetProperty("footer", out var footer)) total += Within(footer, "text", DiscordLimits.Footer);
            var fields = embed.TryGetProperty("fields", out var f) ? f.EnumerateArray().ToList() : [];
            Assert.True(fields.Count <= DiscordLimits.FieldsPerEmbed, $"{fields.Count} fields");
            foreach (var field in fields)
            {
                Assert.NotEmpty(Text(field, "name").Trim());
                Assert.NotEmpty(Text(field, "value").Trim());
                total += Within(field, "name", DiscordLimits.FieldName) + Within(field, "value", DiscordLimits.FieldValue);
            }
        }
        Assert.True(total <= DiscordLimits.EmbedTotal, $"embeds total {total} characters");
    }

    /// <summary>
    /// The quote of each quote embed (its blockquote), unescaped and without a truncation mark, occurs in one of
    /// <paramref name="sources"/> (whitespace aside), and a truncated one was cut after a whole word.
    /// </summary>
    public static void QuotesAreVerbatim(JsonElement message, IReadOnlyList<string> sources)
    {
        var normalised = sources.Select(Normalise).ToList();
        foreach (var embed in message.GetProperty("embeds").EnumerateArray())
        {
            var description = Text(embed, "description");
            if (!description.StartsWith("> ", StringComparison.Ordinal)) continue;
            var truncated = description.EndsWith(DiscordText.TruncationMark, StringComparison.Ordinal);
            var quote = Unescape(BlockquoteMarker().Replace(truncated ? description[..^DiscordText.TruncationMark.Length] : description, ""));
            var match = normalised.FirstOrDefault(s => s.Contains(Normalise(quote), StringComparison.Ordinal));
            Assert.True(match is not null, $"not verbatim: {quote[..Math.Min(120, quote.Length)]}");
            if (truncated)
            {
                // Cut between words: in the source, the kept text is followed by whitespace.
                var at = match.IndexOf(Normalise(quote), StringComparison.Ordinal) + Normalise(quote).Length;
                Assert.True(at == match.Length || char.IsWhiteSpace(match[at]), "cut mid-word");
            }
        }
    }

    public static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    /// <summary>Markdown escapes removed: what Discord shows.</summary>
    public static string Unescape(string text) => EscapedCharacter().Replace(text, "$1");

    private static int Within(JsonElement element, string property, int max)
    {
        var text = Text(element, property);
        Assert.True(text.Length <= max, $"{property} has {text.Length} characters, over {max}");
        return text.Trim().Length;
    }

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"(?m)^> ")]
    private static partial Regex BlockquoteMarker();

    [GeneratedRegex(@"\\([^\w\s])")]
    private static partial Regex EscapedCharacter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
