using BriefingBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace BriefingBot.Teams;

/// <summary>
/// Refuses to start the host in Teams development mode unless every address it is about to listen on is loopback:
/// that mode accepts activities without authentication. Runs as the request pipeline is built, after the server has
/// its addresses and before it binds them.
/// </summary>
internal sealed class TeamsDevelopmentModeGuard(IOptions<TeamsOptions> options, IServer server) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        if (!options.Value.DevelopmentMode) return next;

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(address => !IsLoopback(address)).ToList();
        if (exposed.Count > 0)
            throw new InvalidSettingsException([
                "Teams:DevelopmentMode=true accepts Teams activities without authentication, so the bot must listen on loopback only; "
                + $"it is set to listen on {string.Join(", ", exposed)}. Use --urls http://127.0.0.1:5080, or turn development mode off."]);
        return next;
    }

    // "http://*:5080", "http://+:80" and "http://0.0.0.0:5080" do not parse as loopback URIs, as they should not.
    private static bool IsLoopback(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && ServiceUrlPolicy.IsLoopback(uri);
}
