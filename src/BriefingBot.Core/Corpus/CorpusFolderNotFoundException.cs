namespace BriefingBot.Corpus;

/// <summary>The corpus folder does not exist. The message is one line, fit to print as is.</summary>
public sealed class CorpusFolderNotFoundException(string folder) : DirectoryNotFoundException(Describe(folder))
{
    /// <summary>The folder as it was given.</summary>
    public string Folder { get; } = folder;

    private static string Describe(string folder) =>
        string.IsNullOrWhiteSpace(folder) ? "No corpus folder given" : $"Corpus folder not found: {Path.GetFullPath(folder)}";
}
