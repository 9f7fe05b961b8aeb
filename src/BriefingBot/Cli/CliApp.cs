namespace BriefingBot.Cli;

public static class CliApp
{
    // SKELETON: System.CommandLine verbs (index, ask, milestones, reminders, serve, register-commands) land here.
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["serve", ..])
        {
            await Hosting.BotHost.Build(args[1..]).RunAsync();
            return 0;
        }
        await Console.Error.WriteLineAsync("usage: BriefingBot <index|ask|milestones|reminders|serve>");
        return 2;
    }
}
