namespace BriefingBot.Corpus;

/// <summary>The corpus folder does not exist. The message is one line, fit to print as is.</summary>
public sealed class CorpusFolderNotFoundException(string folder)
    : DirectoryNotFoundException($"Corpus folder not found: {Path.GetFullPath(folder)}")
{
    /// <summary>The folder as it was given.</summary>
    public string Folder { get; } = folder;
}
