using System.Text.Json;
using System.Text.RegularExpressions;
using BriefingBot.Discord;

namespace BriefingBot.Tests.Discord;

public sealed class DiscordCommandsTests
{
    public static TheoryData<string> Names => [.. DiscordCommands.Global.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Command_NameAndDescriptions_AreWithinDiscordRules(string name)
    {
        var command = DiscordCommands.Global.Single(c => c.Name == name);

        Assert.Matches(new Regex("^[-_a-z0-9]{1,32}$"), command.Name);
        Assert.InRange(command.Description.Length, 1, 100);
        Assert.True(command.Options.Count <= 25);
        Assert.All(command.Options, o => Assert.Matches(new Regex("^[-_a-z0-9]{1,32}$"), o.Name));
        Assert.All(command.Options, o => Assert.InRange(o.Description.Length, 1, 100));
        Assert.Equal(command.Options.Count, command.Options.Select(o => o.Name).Distinct().Count());
        // Required options come first.
        Assert.Equal(command.Options.OrderByDescending(o => o.Required), command.Options);
        var size = command.Name.Length + command.Description.Length + command.Options.Sum(o => o.Name.Length + o.Description.Length);
        Assert.True(size <= 8000);
    }

    [Fact]
    public void Commands_CoverEveryFeature() =>
        Assert.Equal(["ask", "said", "milestones", "digest", "subscribe", "unsubscribe", "reindex", "help"], DiscordCommands.Global.Select(c => c.Name));

    [Fact]
    public void Reindex_IsHiddenFromNonAdministratorsByDefault_AndGuildOnly()
    {
        var reindex = DiscordCommands.Global.Single(c => c.Name == DiscordCommands.Reindex);

        Assert.Equal("0", reindex.DefaultMemberPermissions);
        Assert.Equal([0], reindex.Contexts!);
    }

    [Fact]
    public void GuildForm_DropsContextsAndIntegrationTypes_AndKeepsEverythingElse()
    {
        var guild = JsonSerializer.SerializeToNode(DiscordCommands.Guild, DiscordJson.Options)!.AsArray();
        var global = JsonSerializer.SerializeToNode(DiscordCommands.Global, DiscordJson.Options)!.AsArray();

        Assert.All(guild, c => Assert.False(c!.AsObject().ContainsKey("contexts") || c.AsObject().ContainsKey("integration_types")));
        foreach (var c in global) c!.AsObject().Remove("contexts");
        foreach (var c in global) c!.AsObject().Remove("integration_types");
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(global, guild));
    }

    [Fact]
    public void SaidPerson_OffersAutocomplete() =>
        Assert.True(DiscordCommands.Global.Single(c => c.Name == DiscordCommands.Said).Options.Single().Autocomplete);
}
