using BriefingBot.Corpus;

namespace BriefingBot.Tests.Corpus;

public class CorpusFingerprintTests
{
    private static string CopyOfTheCorpus(TempFolder temp) => RepositoryPaths.CopyCorpusTo(temp.Combine("corpus"));

    [Fact]
    public void UnchangedFolder_KeepsItsFingerprint()
    {
        using var temp = new TempFolder();
        var folder = CopyOfTheCorpus(temp);

        Assert.Equal(CorpusFingerprint.Compute(folder), CorpusFingerprint.Compute(folder));
    }

    [Fact]
    public void Fingerprint_IsLowerCaseSha256Hex() =>
        Assert.Matches("^[0-9a-f]{64}$", CorpusFingerprint.Compute(RepositoryPaths.Corpus));

    [Fact]
    public void AddingAFile_ChangesTheFingerprint()
    {
        using var temp = new TempFolder();
        var folder = CopyOfTheCorpus(temp);
        var before = CorpusFingerprint.Compute(folder);

        Directory.CreateDirectory(Path.Combine(folder, "new"));
        File.WriteAllText(Path.Combine(folder, "new", "article.md"), "Talks resumed.");

        Assert.NotEqual(before, CorpusFingerprint.Compute(folder));
    }

    [Fact]
    public void ModifyingAFile_ChangesTheFingerprint()
    {
        using var temp = new TempFolder();
        var folder = CopyOfTheCorpus(temp);
        var file = Directory.GetFiles(folder)[0];
        var before = CorpusFingerprint.Compute(folder);

        File.AppendAllText(file, "\nOne more paragraph.");

        Assert.NotEqual(before, CorpusFingerprint.Compute(folder));
    }

    [Fact]
    public void TouchingAFile_ChangesTheFingerprint()
    {
        // Same size, new write time: an editor that rewrote one character.
        using var temp = new TempFolder();
        var folder = CopyOfTheCorpus(temp);
        var file = Directory.GetFiles(folder)[0];
        var before = CorpusFingerprint.Compute(folder);

        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddMinutes(1));

        Assert.NotEqual(before, CorpusFingerprint.Compute(folder));
    }

    [Fact]
    public void RemovingAFile_ChangesTheFingerprint()
    {
        using var temp = new TempFolder();
        var folder = CopyOfTheCorpus(temp);
        var before = CorpusFingerprint.Compute(folder);

        File.Delete(Directory.GetFiles(folder)[0]);

        Assert.NotEqual(before, CorpusFingerprint.Compute(folder));
    }

    [Fact]
    public void FilesThatAreNotArticles_DoNotChangeIt()
    {
        using var temp = new TempFolder();
        var folder = CopyOfTheCorpus(temp);
        var before = CorpusFingerprint.Compute(folder);

        File.WriteAllText(Path.Combine(folder, "index.lock"), "busy");

        Assert.Equal(before, CorpusFingerprint.Compute(folder));
    }

    [Fact]
    public void MissingFolder_Throws()
    {
        using var temp = new TempFolder();

        Assert.Throws<CorpusFolderNotFoundException>(() => CorpusFingerprint.Compute(temp.Combine("missing")));
    }
}
