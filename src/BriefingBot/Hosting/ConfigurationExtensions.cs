namespace BriefingBot.Hosting;

public static class ConfigurationExtensions
{
    /// <summary>The short flags every verb accepts, and the setting each one overrides.</summary>
    public static IReadOnlyDictionary<string, string> FlagSettings { get; } = new Dictionary<string, string>
    {
        ["--corpus"] = "BriefingBot:Corpus",
        ["--index"] = "BriefingBot:Index",
        ["--data"] = "BriefingBot:Data",
    };

    /// <summary>
    /// The configuration order every verb shares: shipped defaults (<c>config/appsettings.json</c> beside the
    /// executable), then <c>config/appsettings.json</c> in the working folder, then environment variables
    /// (<c>Discord__BotToken</c>), then command-line flags. Secrets only ever arrive through the environment.
    /// </summary>
    public static IConfigurationBuilder AddBriefingBotConfiguration(this IConfigurationManager configuration, string[] args)
    {
        configuration.Sources.Clear();
        configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "config", "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine(args, FlagSettings.ToDictionary());
        return configuration;
    }
}
