using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Discord;

namespace BriefingBot.Tests.Discord;

public sealed class DiscordCommandRegistrarTests
{
    private const string GlobalPath = $"applications/{DiscordBotHarness.ApplicationId}/commands";

    private static JsonNode Wire(object value) => JsonSerializer.SerializeToNode(value, DiscordJson.Options)!;

    [Fact]
    public async Task Global_BulkOverwritesWithTheOneDefinition()
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        var result = await harness.Registrar.RegisterAsync(null, CancellationToken.None);

        Assert.Equal(new CommandRegistrationResult(true, "global", DiscordCommands.Global.Count, null), result);
        var put = Assert.Single(harness.Discord.Requests);
        Assert.Equal(("PUT", GlobalPath), (put.Method, put.Path));
        Assert.Equal($"Bot {DiscordBotHarness.BotToken}", put.Header("Authorization"));
        Assert.True(JsonNode.DeepEquals(Wire(DiscordCommands.Global), JsonNode.Parse(put.Body)), put.Body);
        Assert.Equal("0", put.Json.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "reindex").GetProperty("default_member_permissions").GetString());
    }

    [Fact]
    public async Task Guild_BulkOverwritesThatGuildsCommandsWithoutGlobalOnlyFields()
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        var result = await harness.Registrar.RegisterAsync("1200000000000000001", CancellationToken.None);

        Assert.True(result.Succeeded);
        var put = Assert.Single(harness.Discord.Requests);
        Assert.Equal(("PUT", $"applications/{DiscordBotHarness.ApplicationId}/guilds/1200000000000000001/commands"), (put.Method, put.Path));
        Assert.True(JsonNode.DeepEquals(Wire(DiscordCommands.Guild), JsonNode.Parse(put.Body)));
        Assert.DoesNotContain("contexts", put.Body);
    }

    [Fact]
    public async Task RegisteringTwice_SendsTheSameCommandSet()
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        await harness.Registrar.RegisterAsync(null, CancellationToken.None);
        await harness.Registrar.RegisterAsync(null, CancellationToken.None);

        var puts = harness.Discord.Requests;
        Assert.Equal(2, puts.Count);
        Assert.Equal(puts[0].Body, puts[1].Body);
        Assert.All(puts, p => Assert.Equal("PUT", p.Method)); // overwrite, never one POST per command
    }

    [Fact]
    public async Task RateLimited_RetriesAfterRetryAfterAndSucceeds()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Discord.Script("PUT", GlobalPath, new FakeResponse(429, """{"message":"You are being rate limited.","retry_after":0.2,"global":false}"""));

        var result = await harness.Registrar.RegisterAsync(null, CancellationToken.None);

        Assert.True(result.Succeeded);
        var puts = harness.Discord.Requests;
        Assert.Equal(2, puts.Count);
        Assert.True(puts[1].ReceivedAt - puts[0].ReceivedAt >= TimeSpan.FromSeconds(0.2));
    }

    [Fact]
    public async Task Refused_ReportsDiscordsReason()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Discord.Script("PUT", GlobalPath, new FakeResponse(400, """{"message":"Invalid Form Body","code":50035}"""));

        var result = await harness.Registrar.RegisterAsync(null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("400 Invalid Form Body (50035)", result.Error);
    }

    [Fact]
    public async Task GuildIdThatIsNotANumber_IsRefusedWithoutARequest()
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        var result = await harness.Registrar.RegisterAsync("my-server", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Empty(harness.Discord.Requests);
    }
}
