using BriefingBot.Cli;
using BriefingBot.Hosting;

namespace BriefingBot.Tests.Hosting;

/// <summary>A wrong setting stops <c>serve</c> before it starts, with a message naming the setting as it is configured.</summary>
public sealed class SettingsValidationTests : IDisposable
{
    private const string DiscordKey = "5d2f1f0d7e4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a2";
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("Scheduling:TimeZone", "Mars/Base")]
    [InlineData("Scheduling:LeadTimes", "PT2H")]
    [InlineData("Scheduling:Store", "mongodb")]
    [InlineData("BriefingBot:DefaultTop", "0")]
    [InlineData("BriefingBot:Corpus", "")]
    [InlineData("Discord:PublicKey", "not-hex")]
    [InlineData("Discord:MaxRetries", "99")]
    [InlineData("Teams:AppId", "not-a-guid")]
    [InlineData("Teams:SendAttempts", "0")]
    public void WrongSetting_FailsTheBuild_NamingTheSetting(string setting, string value)
    {
        var settings = WorkingSettings();
        settings[setting] = value;

        var failure = Assert.Throws<InvalidSettingsException>(() => TestBot.Build(settings));

        var line = Assert.Single(failure.Failures);
        Assert.Contains(setting, line);
    }

    [Fact]
    public void SeveralWrongSettings_AreAllNamedAtOnce()
    {
        var settings = WorkingSettings();
        settings["Scheduling:TimeZone"] = "Mars/Base";
        settings["Discord:MaxRetries"] = "99";
        settings["Teams:AppId"] = "not-a-guid";

        var failure = Assert.Throws<InvalidSettingsException>(() => TestBot.Build(settings));

        Assert.Equal(3, failure.Failures.Count);
        Assert.Contains(failure.Failures, f => f.Contains("Scheduling:TimeZone") && f.Contains("'Mars/Base'"));
        Assert.Contains(failure.Failures, f => f.Contains("Discord:MaxRetries"));
        Assert.Contains(failure.Failures, f => f.Contains("Teams:AppId"));
    }

    [Fact]
    public void WorkingSettings_Build()
    {
        using var app = (IDisposable)TestBot.Build(WorkingSettings());
    }

    [Fact]
    public async Task Serve_WithAWrongSetting_ExitsWithOneLineNamingIt_AndNoStackTrace()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CliApp.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--corpus", RepositoryPaths.Corpus, "--index", folder.Combine("index"),
             "--data", folder.Combine("data"), "--Scheduling:TimeZone", "Mars/Base"],
            output, error);

        Assert.Equal(CliApp.Failure, code);
        Assert.Equal("", output.ToString());
        var line = Assert.Single(error.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n'));
        Assert.StartsWith("error: Scheduling:TimeZone", line);
        Assert.Contains("'Mars/Base'", line);
        Assert.False(Directory.Exists(folder.Combine("data")), "nothing is created before the settings are checked");
    }

    /// <summary>Discord and Teams enabled with plausible settings, the scheduler on memory: a host that builds.</summary>
    private Dictionary<string, string?> WorkingSettings()
    {
        var settings = TestBot.Settings(folder);
        settings["Scheduling:Store"] = "memory";
        settings["Discord:ApplicationId"] = "1100000000000000000";
        settings["Discord:PublicKey"] = DiscordKey;
        settings["Discord:BotToken"] = "a-token";
        settings["Teams:AppId"] = "6f1c9a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
        settings["Teams:AppPassword"] = "a-password";
        return settings;
    }
}
