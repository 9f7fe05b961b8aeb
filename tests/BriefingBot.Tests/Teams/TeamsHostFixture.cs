namespace BriefingBot.Tests.Teams;

/// <summary>
/// A running bot host with Teams on, wired to a fake Bot Framework (OpenID metadata, keys, token endpoint and
/// connector) on 127.0.0.1 that signs with <see cref="Key"/>. One per test.
/// </summary>
public abstract class TeamsHostFixture(params string[] endorsements) : IAsyncLifetime
{
    protected TestSigningKey Key { get; } = new("test-kid-1", endorsements);

    protected TempFolder Folder { get; } = new();

    protected FakeBotFramework Fake { get; private set; } = null!;

    protected TeamsTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeBotFramework.StartAsync(Key);
        Host = await TeamsTestHost.StartAsync(TeamsTestHost.Settings(Fake, Folder));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
        Key.Dispose();
        Folder.Dispose();
    }
}
