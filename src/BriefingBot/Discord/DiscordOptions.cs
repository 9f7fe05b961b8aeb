using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Discord;

/// <summary>
/// The Discord application this bot answers for. Section <c>Discord</c>. Discord is disabled when neither
/// <see cref="ApplicationId"/> nor <see cref="PublicKey"/> is set; once either is, all three credentials are
/// required and checked at start. Credentials come from environment variables (<c>Discord__BotToken</c>).
/// </summary>
public sealed class DiscordOptions : IValidatableObject
{
    public const string Section = "Discord";

    /// <summary>The application's id (a snowflake), from the Developer Portal's General Information page.</summary>
    [RegularExpression("^[0-9]{1,20}$", ErrorMessage = "Discord:ApplicationId must be a numeric snowflake.")]
    public string ApplicationId { get; set; } = "";

    /// <summary>The application's Ed25519 public key: 64 hex characters. Not the bot token, not the client secret.</summary>
    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "Discord:PublicKey must be 64 hex characters (the application's public key).")]
    public string PublicKey { get; set; } = "";

    /// <summary>The bot user's token, for channel posts and command registration. A secret: environment only, never logged.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>REST base address, version included. Default <c>https://discord.com/api/v10</c>; tests point it at a fake.</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Sent as <c>User-Agent</c>, which Discord requires in this form. Default <c>DiscordBot (https://github.com/briefingbot, 1.0)</c>.</summary>
    [Required]
    public string UserAgent { get; set; } = "DiscordBot (https://github.com/briefingbot, 1.0)";

    /// <summary>How far an interaction's signed timestamp may be from our clock before it is refused as a replay. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of one REST call after a 429, a 5xx or a timeout, before giving up. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off after a 5xx or a timeout; doubled per retry, capped at 8 times this. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A rate limit longer than this is reported as a transient failure instead of waited out. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of one REST attempt. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deferred answers being worked on at once. Default 2.</summary>
    [Range(1, 16)]
    public int FollowUpWorkers { get; set; } = 2;

    /// <summary>Deferred answers that may wait for a worker; beyond this users are told the bot is busy. Default 64.</summary>
    [Range(1, 10_000)]
    public int FollowUpQueueCapacity { get; set; } = 64;

    /// <summary>True when the application is configured at all; otherwise Discord is disabled.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApplicationId) || !string.IsNullOrWhiteSpace(PublicKey);

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (!IsConfigured) yield break;
        if (string.IsNullOrWhiteSpace(ApplicationId))
            yield return new ValidationResult("Discord:ApplicationId is required once Discord:PublicKey is set (Discord__ApplicationId).", [nameof(ApplicationId)]);
        if (string.IsNullOrWhiteSpace(PublicKey))
            yield return new ValidationResult("Discord:PublicKey is required once Discord:ApplicationId is set (Discord__PublicKey).", [nameof(PublicKey)]);
        if (string.IsNullOrWhiteSpace(BotToken))
            yield return new ValidationResult("Discord:BotToken is required when Discord is enabled (set the environment variable Discord__BotToken).", [nameof(BotToken)]);
    }
}
