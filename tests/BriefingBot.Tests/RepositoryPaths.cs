namespace BriefingBot.Tests;

/// <summary>Finds the repository's own folders (the shipped corpus) from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped <c>corpus/</c> folder. Read it; copy it (<see cref="CopyCorpusTo"/>) before changing anything.</summary>
    public static string Corpus => Path.Combine(Root, "corpus");

    public static string CopyCorpusTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Corpus))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BriefingBot.sln")))
                return dir.FullName;
        throw new InvalidOperationException("BriefingBot.sln not found above " + AppContext.BaseDirectory);
    }
}
