using BriefingBot.Teams;
using Microsoft.Extensions.Options;

namespace BriefingBot.Tests.Teams;

public sealed class ServiceUrlPolicyTests
{
    private static ServiceUrlPolicy Policy(bool developmentMode = false) => new(Options.Create(new TeamsOptions
    {
        AllowedServiceUrlHosts = ["smba.trafficmanager.net", "*.botframework.com", "127.0.0.1"],
        DevelopmentMode = developmentMode,
    }));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/emea/11111111-2222-3333-4444-555555555555", "https://smba.trafficmanager.net/emea/11111111-2222-3333-4444-555555555555/")]
    [InlineData("https://europe.botframework.com", "https://europe.botframework.com/")]
    [InlineData("http://127.0.0.1:5081/connector/", "http://127.0.0.1:5081/connector/")]
    public void AllowedConnectors_AreTrusted_EndingWithASlash(string serviceUrl, string trusted)
    {
        Assert.True(Policy().TryGetTrusted(serviceUrl, out var uri));
        Assert.Equal(trusted, uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/emea/")] // the token never travels in clear text off the machine
    [InlineData("https://evil.example.com/")]
    [InlineData("https://botframework.com.evil.example.com/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://smba.trafficmanager.net/emea/?redirect=https://evil.example.com")]
    [InlineData("https://user:pass@smba.trafficmanager.net/emea/")]
    [InlineData("http://localhost:5081/")] // loopback, but not listed
    [InlineData("not a url")]
    [InlineData(null)]
    public void OtherConnectors_AreNotTrusted(string? serviceUrl)
    {
        Assert.False(Policy().TryGetTrusted(serviceUrl, out _));
    }

    [Theory]
    [InlineData("http://localhost:56150/", true)]
    [InlineData("http://[::1]:56150/", true)]
    [InlineData("https://smba.trafficmanager.net/emea/", false)]
    public void DevelopmentMode_TrustsLoopbackOnly(string serviceUrl, bool trusted)
    {
        Assert.Equal(trusted, Policy(developmentMode: true).TryGetTrusted(serviceUrl, out _));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc/")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch/")]
    public void NoHostsConfigured_MeansTheTeamsConnectors(string serviceUrl)
    {
        Assert.True(new ServiceUrlPolicy(Options.Create(new TeamsOptions())).TryGetTrusted(serviceUrl, out _));
    }

    [Fact]
    public void ConfiguredHosts_ReplaceTheDefaults()
    {
        var policy = new ServiceUrlPolicy(Options.Create(new TeamsOptions { AllowedServiceUrlHosts = ["smba.trafficmanager.net"] }));

        Assert.False(policy.TryGetTrusted("https://smba.infra.gcc.teams.microsoft.com/gcc/", out _));
    }
}
