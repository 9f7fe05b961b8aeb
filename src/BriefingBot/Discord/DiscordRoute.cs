namespace BriefingBot.Discord;

/// <summary>
/// One Discord REST call: its method and path, the template it is logged as (paths of interaction webhooks hold a
/// secret token), and the top-level resource its rate limit is partitioned by.
/// </summary>
/// <param name="Major">The channel, guild or webhook the call acts on: rate limits are kept per bucket and major.
/// Never logged (a webhook's holds its token).</param>
/// <param name="BotAuthorization">Sends <c>Authorization: Bot …</c>; interaction webhooks take their token in the path instead.</param>
/// <param name="NotFoundIsTransient">A 404 right after a deferred reply can be Discord catching up; retried for webhooks.</param>
public sealed record DiscordRoute(
    HttpMethod Method,
    string Path,
    string Template,
    string Major,
    bool BotAuthorization,
    bool NotFoundIsTransient = false)
{
    /// <summary>Route and method without ids or tokens, for logs and for learning which bucket a route shares.</summary>
    public override string ToString() => $"{Method} {Template}";

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, $"channels/{Escape(channelId)}/messages", "channels/{channel}/messages", channelId, BotAuthorization: true);

    public static DiscordRoute EditOriginalResponse(string applicationId, string token) =>
        Webhook(HttpMethod.Patch, applicationId, token, "/messages/@original");

    public static DiscordRoute DeleteOriginalResponse(string applicationId, string token) =>
        Webhook(HttpMethod.Delete, applicationId, token, "/messages/@original");

    public static DiscordRoute CreateFollowUp(string applicationId, string token) =>
        Webhook(HttpMethod.Post, applicationId, token, "");

    /// <summary>Bulk-overwrites the global commands, or one guild's when <paramref name="guildId"/> is given.</summary>
    public static DiscordRoute OverwriteCommands(string applicationId, string? guildId) => guildId is null
        ? new(HttpMethod.Put, $"applications/{Escape(applicationId)}/commands", "applications/{application}/commands", applicationId, BotAuthorization: true)
        : new(HttpMethod.Put, $"applications/{Escape(applicationId)}/guilds/{Escape(guildId)}/commands", "applications/{application}/guilds/{guild}/commands", guildId, BotAuthorization: true);

    private static DiscordRoute Webhook(HttpMethod method, string applicationId, string token, string suffix) =>
        new(method, $"webhooks/{Escape(applicationId)}/{Escape(token)}{suffix}", "webhooks/{application}/{token}" + suffix,
            applicationId + "/" + token, BotAuthorization: false, NotFoundIsTransient: true);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
