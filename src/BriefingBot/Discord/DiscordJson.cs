using System.Text.Json;
using System.Text.Json.Serialization;

namespace BriefingBot.Discord;

/// <summary>Discord's JSON conventions: snake_case names, and nulls left out (on a PATCH a null clears a field).</summary>
internal static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
