using System.Net;
using BriefingBot.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using static BriefingBot.Tests.Teams.TeamsActivities;

namespace BriefingBot.Tests.Teams;

/// <summary>
/// Inbound JWTs, minted here with test RSA keys that the fake Bot Framework publishes (with endorsements) behind its
/// OpenID metadata, sent with an install event through the real host. Accepted means 200 and the conversation stored;
/// refused means 401 and nothing stored.
/// </summary>
public sealed class TeamsAuthenticationTests() : TeamsHostFixture("msteams", "webchat")
{
    [Fact]
    public async Task ValidToken_IsAccepted()
    {
        await AssertAcceptedAsync(Token());
    }

    [Fact]
    public async Task WrongAudience_IsRefused()
    {
        await AssertRefusedAsync(Token(audience: "99999999-0000-0000-0000-000000000000"));
    }

    [Fact]
    public async Task WrongIssuer_IsRefused()
    {
        // An Entra issuer is not a Bot Framework channel token, and this app is multi-tenant.
        await AssertRefusedAsync(Token(issuer: $"https://sts.windows.net/{TenantId}/"));
    }

    [Fact]
    public async Task Expired_BeyondTheFiveMinuteSkew_IsRefused()
    {
        await AssertRefusedAsync(Token(notBefore: TimeSpan.FromMinutes(-66), expires: TimeSpan.FromMinutes(-6)));
    }

    [Fact]
    public async Task Expired_WithinTheFiveMinuteSkew_IsAccepted()
    {
        await AssertAcceptedAsync(Token(notBefore: TimeSpan.FromMinutes(-64), expires: TimeSpan.FromMinutes(-4)));
    }

    [Fact]
    public async Task NotYetValid_IsRefused()
    {
        await AssertRefusedAsync(Token(notBefore: TimeSpan.FromMinutes(6), expires: TimeSpan.FromMinutes(66)));
    }

    [Fact]
    public async Task UnknownSigningKey_IsRefused()
    {
        using var stranger = new TestSigningKey("never-published", "msteams");
        await AssertRefusedAsync(Token(signer: stranger));
    }

    [Fact]
    public async Task RotatedKey_IsFoundByRefreshingTheMetadata()
    {
        await AssertAcceptedAsync(Token());
        var fetchesBefore = Fake.MetadataFetches;
        using var rotated = new TestSigningKey("test-kid-2", "msteams");
        Fake.PublishKeys(rotated);

        await AssertAcceptedAsync(Token(signer: rotated));
        Assert.True(Fake.MetadataFetches > fetchesBefore, "the unknown key id should have refreshed the metadata");
    }

    [Fact]
    public async Task ServiceUrlClaim_NotMatchingTheActivity_IsRefused()
    {
        // Same trusted Host, another connector path: the claim must name exactly the activity's serviceUrl.
        await AssertRefusedAsync(Token(serviceUrl: new Uri(Fake.BaseUrl, "elsewhere/").AbsoluteUri));
    }

    [Fact]
    public async Task KeyNotEndorsedForTeams_IsRefused()
    {
        using var webchatOnly = new TestSigningKey("webchat-only", "webchat");
        Fake.PublishKeys(Key, webchatOnly);
        await AssertRefusedAsync(Token(signer: webchatOnly));
    }

    [Fact]
    public async Task NoToken_IsRefused()
    {
        await AssertRefusedAsync(null);
    }

    [Fact]
    public async Task UnsignedToken_IsRefused()
    {
        var signed = Token();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT","kid":"test-kid-1"}""");
        await AssertRefusedAsync($"{header}.{signed.Split('.')[1]}.");
    }

    [Fact]
    public async Task OddContentTypeHeader_IsTolerated()
    {
        // A "cty": "JWT" header was once sent on channel tokens (spec §7.10); it does not make the token nested.
        var now = DateTime.UtcNow;
        var token = Key.Mint(AppId, BotFrameworkAuthenticator.BotFrameworkIssuer, now.AddMinutes(-5), now.AddMinutes(55),
            new Dictionary<string, object> { ["serviceurl"] = Fake.ServiceUrl }, new Dictionary<string, object> { ["cty"] = "JWT" });

        await AssertAcceptedAsync(token);
    }

    [Fact]
    public async Task EntraToken_ForOurTenant_IsAccepted_BySingleTenantApp()
    {
        await using var singleTenant = await StartSingleTenantHostAsync();
        var token = Token(issuer: $"https://login.microsoftonline.com/{TenantId}/v2.0", audience: $"api://botid-{AppId}",
            claims: new Dictionary<string, object> { ["tid"] = TenantId });

        var response = await singleTenant.PostActivityAsync(InstalledInTeam(Fake.ServiceUrl), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await singleTenant.StoredConversationAsync(ChannelId));
    }

    [Fact]
    public async Task EntraToken_ForAnotherTenant_IsRefused_BySingleTenantApp()
    {
        await using var singleTenant = await StartSingleTenantHostAsync();
        const string other = "99999999-2222-3333-4444-555555555555";
        var token = Token(issuer: $"https://login.microsoftonline.com/{other}/v2.0", audience: AppId,
            claims: new Dictionary<string, object> { ["tid"] = other });

        var response = await singleTenant.PostActivityAsync(InstalledInTeam(Fake.ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await singleTenant.StoredConversationAsync(ChannelId));
    }

    [Fact]
    public async Task Lifetime_IsJudgedByTheInjectedClock()
    {
        // Fixture D of the spec: valid 2025-06-10 08:00 to 09:00 UTC.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2025-06-10T08:30:00Z"));
        const string serviceUrl = "https://smba.trafficmanager.net/emea/";
        var token = Key.Mint(AppId, BotFrameworkAuthenticator.BotFrameworkIssuer,
            DateTimeOffset.FromUnixTimeSeconds(1749542400).UtcDateTime, DateTimeOffset.FromUnixTimeSeconds(1749546000).UtcDateTime,
            new Dictionary<string, object> { ["serviceurl"] = serviceUrl });
        var activity = new Activity { Type = "message", ChannelId = "msteams", ServiceUrl = serviceUrl };
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var options = Options.Create(new TeamsOptions
        {
            AppId = AppId,
            OpenIdMetadataUrl = Fake.OpenIdMetadataUrl,
            AllowedServiceUrlHosts = ["smba.trafficmanager.net"],
        });
        var authenticator = new BotFrameworkAuthenticator(options, services.GetRequiredService<IHttpClientFactory>(),
            new ServiceUrlPolicy(options), clock, NullLogger<BotFrameworkAuthenticator>.Instance);

        Assert.True((await authenticator.AuthenticateAsync("Bearer " + token, activity, default)).Succeeded);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("token expired", (await authenticator.AuthenticateAsync("Bearer " + token, activity, default)).Failure);
    }

    private string Token(
        string? audience = AppId,
        string issuer = BotFrameworkAuthenticator.BotFrameworkIssuer,
        TimeSpan? notBefore = null,
        TimeSpan? expires = null,
        string? serviceUrl = null,
        TestSigningKey? signer = null,
        Dictionary<string, object>? claims = null)
    {
        var now = DateTime.UtcNow;
        claims ??= [];
        claims["serviceurl"] = serviceUrl ?? Fake.ServiceUrl;
        return (signer ?? Key).Mint(audience, issuer, now + (notBefore ?? TimeSpan.FromMinutes(-5)), now + (expires ?? TimeSpan.FromMinutes(55)), claims);
    }

    private Task<TeamsTestHost> StartSingleTenantHostAsync()
    {
        var settings = TeamsTestHost.Settings(Fake, Folder);
        settings["Teams:TenantId"] = TenantId;
        settings["Teams:EntraOpenIdMetadataUrl"] = Fake.OpenIdMetadataUrl;
        settings["BriefingBot:Data"] = Folder.Combine("single-tenant-data");
        return TeamsTestHost.StartAsync(settings);
    }

    private async Task AssertAcceptedAsync(string token)
    {
        var response = await Host.PostActivityAsync(InstalledInTeam(Fake.ServiceUrl), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await Host.StoredConversationAsync(ChannelId));
    }

    private async Task AssertRefusedAsync(string? token)
    {
        var response = await Host.PostActivityAsync(InstalledInTeam(Fake.ServiceUrl), token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await Host.StoredConversationAsync(ChannelId));
    }
}
