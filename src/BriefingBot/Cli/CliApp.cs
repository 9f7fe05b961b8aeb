using System.CommandLine;
using BriefingBot.Corpus;
using BriefingBot.Hosting;
using Microsoft.Extensions.Options;

namespace BriefingBot.Cli;

/// <summary>
/// The command line (DESIGN.md's stable contract): <c>index</c>, <c>ask</c>, <c>milestones</c>, <c>reminders</c>,
/// <c>serve</c>, <c>register-commands</c>. Exit codes: 0 ok, 2 usage error, 1 any other failure, each failure
/// with one clear line on standard error and never a stack trace.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("BriefingBot: cited answers, milestones and reminders from a corpus of articles.");
        var cli = new CliContext(args, output, error);
        foreach (var command in Verbs.All(cli)) root.Add(command);

        // Questions are free text: "@everyone …" is not a response file.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors) await error.WriteLineAsync($"error: {parseError.Message}");
            await error.WriteLineAsync("Run 'BriefingBot --help' for usage.");
            return UsageError;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return UsageError;
        }
        catch (CorpusFolderNotFoundException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return Failure;
        }
        catch (InvalidSettingsException e)
        {
            foreach (var failure in e.Failures) await error.WriteLineAsync($"error: {OneLine(failure)}");
            return Failure;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures) await error.WriteLineAsync($"error: {OneLine(failure)}");
            return Failure;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("error: cancelled");
            return Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await error.WriteLineAsync($"error: {OneLine(e.Message)}");
            return Failure;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"error: unexpected {e.GetType().Name}: {OneLine(e.Message)}");
            return Failure;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

/// <summary>The raw arguments, and where a verb writes: the answer to <see cref="Output"/>, diagnostics to <see cref="Error"/>.</summary>
internal sealed record CliContext(string[] Args, TextWriter Output, TextWriter Error);

/// <summary>Bad input a verb found after parsing (an empty question, a malformed date): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
