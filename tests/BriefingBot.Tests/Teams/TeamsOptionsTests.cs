using BriefingBot.Teams;

namespace BriefingBot.Tests.Teams;

public sealed class TeamsOptionsTests
{
    private static TeamsOptions Valid() => new() { AppId = TeamsActivities.AppId, AppPassword = "secret" };

    [Fact]
    public void TokenEndpoint_OfAMultiTenantApp_IsTheBotFrameworkTenant()
    {
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", Valid().ResolveTenant(Valid().TokenEndpoint));
    }

    [Fact]
    public void TokenEndpoint_OfASingleTenantApp_IsItsTenant()
    {
        var options = Valid();
        options.TenantId = TeamsActivities.TenantId;

        Assert.Equal($"https://login.microsoftonline.com/{TeamsActivities.TenantId}/oauth2/v2.0/token", options.ResolveTenant(options.TokenEndpoint));
    }

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new TeamsOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Disabled_IsNotValidated()
    {
        Assert.True(new TeamsOptionsValidator().Validate(null, new TeamsOptions { AdminIds = ["not a guid"] }).Succeeded);
    }

    [Fact]
    public void AppId_NotAGuid_IsNamed() =>
        AssertRefused(o => o.AppId = "briefing-bot", "Teams:AppId must be the bot's Microsoft App ID");

    [Fact]
    public void TenantId_NotAGuid_IsNamed() =>
        AssertRefused(o => o.TenantId = "contoso", "Teams:TenantId must be empty");

    [Fact]
    public void AdminId_ThatIsATeamsUserId_IsNamed() =>
        // Admins are named by Entra object id (from.aadObjectId), not by their 29: Teams id.
        AssertRefused(o => o.AdminIds = ["29:1AbCdEfGhIjKlMnOp"], "Teams:AdminIds holds '29:1AbCdEfGhIjKlMnOp'");

    [Fact]
    public void TokenEndpoint_OverPlainHttp_IsNamed() =>
        AssertRefused(o => o.TokenEndpoint = "http://login.example.com/token", "Teams:TokenEndpoint must be an absolute https URL");

    [Fact]
    public void ServiceUrlHost_GivenAsAUrl_IsNamed() =>
        AssertRefused(o => o.AllowedServiceUrlHosts = ["https://smba.trafficmanager.net/"], "Teams:AllowedServiceUrlHosts holds 'https://smba.trafficmanager.net/'");

    private static void AssertRefused(Action<TeamsOptions> mistake, string message)
    {
        var options = Valid();
        mistake(options);

        var result = new TeamsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage);
    }
}
