namespace BriefingBot.Corpus;

/// <summary>A corpus file: its full path and its '/'-separated path relative to the corpus folder.</summary>
internal sealed record CorpusFile(string FullPath, string RelativePath)
{
    private static readonly string[] Extensions = [".txt", ".md"];

    /// <summary>
    /// Every <c>*.txt</c> and <c>*.md</c> file under <paramref name="folder"/>, recursively, ordered ordinally by
    /// relative path so every reader and every fingerprint sees the same order on every platform.
    /// </summary>
    /// <exception cref="CorpusFolderNotFoundException">The folder does not exist (or none was given).</exception>
    public static IReadOnlyList<CorpusFile> List(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new CorpusFolderNotFoundException(folder);

        var root = Path.GetFullPath(folder);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(path => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .Select(path => new CorpusFile(path, Path.GetRelativePath(root, path).Replace('\\', '/')))
            .OrderBy(file => file.RelativePath, StringComparer.Ordinal)
            .ToList();
    }
}
