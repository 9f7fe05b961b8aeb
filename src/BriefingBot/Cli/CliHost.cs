using BriefingBot.Hosting;

namespace BriefingBot.Cli;

/// <summary>
/// The services a one-shot verb needs (the core; the job store for <c>reminders</c>), configured exactly as
/// <c>serve</c> is, with the verb's own flags on top. Logs go to standard error so standard output stays the answer.
/// </summary>
internal static class CliHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?> overrides, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddBriefingBotConfiguration([]);
        builder.Configuration.AddInMemoryCollection(overrides.Where(o => o.Value is not null));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddBriefingCore(builder.Configuration);
        configure?.Invoke(builder);
        var host = builder.Build();
        try
        {
            SettingsValidation.ThrowIfInvalid(host.Services);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }
}
