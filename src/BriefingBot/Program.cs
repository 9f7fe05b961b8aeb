using BriefingBot.Cli;

// Composition root: the verb decides what to build. `serve` builds the web host (Hosting/BotHost.cs);
// the other verbs answer from the same core and exit.
return await CliApp.RunAsync(args);
