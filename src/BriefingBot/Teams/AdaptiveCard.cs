using System.Text.Json.Nodes;

namespace BriefingBot.Teams;

/// <summary>
/// The few Adaptive Card elements the bot uses (schema 1.5, the newest Teams renders everywhere). Text goes into
/// <c>TextRun</c>s of <c>RichTextBlock</c>s: unlike <c>TextBlock</c>, a run is never read as markdown, so a verbatim
/// quote shows exactly as written, asterisks and underscores included.
/// </summary>
internal static class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    /// <summary>A full-width card holding <paramref name="body"/>.</summary>
    public static JsonObject Create(IEnumerable<JsonNode> body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = Version,
        ["msteams"] = new JsonObject { ["width"] = "Full" },
        ["body"] = new JsonArray([.. body]),
    };

    /// <summary>A paragraph made of <paramref name="runs"/>.</summary>
    public static JsonObject Paragraph(params JsonObject[] runs) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JsonArray([.. runs]),
    };

    /// <summary>A paragraph of one run in the given style.</summary>
    public static JsonObject Paragraph(string text, TextStyle style = TextStyle.Plain) => Paragraph(Run(text, style));

    /// <summary>A run of literal text.</summary>
    public static JsonObject Run(string text, TextStyle style = TextStyle.Plain)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = text };
        switch (style)
        {
            case TextStyle.Title:
                run["weight"] = "Bolder";
                run["size"] = "Medium";
                break;
            case TextStyle.Strong:
                run["weight"] = "Bolder";
                break;
            case TextStyle.Emphasis:
                run["italic"] = true;
                break;
            case TextStyle.Citation:
                run["isSubtle"] = true;
                run["size"] = "Small";
                break;
        }
        return run;
    }

    /// <summary>A group of elements set off from the previous one by a separator line.</summary>
    public static JsonObject Section(IEnumerable<JsonNode> items) => new()
    {
        ["type"] = "Container",
        ["separator"] = true,
        ["spacing"] = "Medium",
        ["items"] = new JsonArray([.. items]),
    };
}

/// <summary>How a run of text looks.</summary>
internal enum TextStyle
{
    Plain,
    Title,
    Strong,
    Emphasis,

    /// <summary>Small and subtle, for citation lines.</summary>
    Citation,
}
