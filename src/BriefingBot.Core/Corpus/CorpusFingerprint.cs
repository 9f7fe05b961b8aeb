using System.Security.Cryptography;
using System.Text;

namespace BriefingBot.Corpus;

/// <summary>
/// A cheap identity of a corpus folder's content, from the relative path, size and last-write time of every corpus
/// file, without reading them: it changes when a file is added, removed or modified and is equal otherwise, so an
/// index built from an older fingerprint is known to be stale.
/// </summary>
public static class CorpusFingerprint
{
    /// <summary>Lower-case hex SHA-256 of the folder's corpus file listing.</summary>
    /// <exception cref="CorpusFolderNotFoundException">The folder does not exist.</exception>
    public static string Compute(string folder) => Compute(CorpusFile.List(folder));

    /// <summary>Lower-case hex SHA-256 of <paramref name="files"/>, a folder's corpus file listing.</summary>
    internal static string Compute(IReadOnlyList<CorpusFile> files)
    {
        var listing = new StringBuilder();
        foreach (var file in files)
        {
            var info = new FileInfo(file.FullPath);
            // A file deleted between listing and stat still counts as a change: it leaves a distinct entry.
            var (size, ticks) = info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : (-1L, 0L);
            listing.Append(file.RelativePath).Append('\0').Append(size).Append('\0').Append(ticks).Append('\0');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString())));
    }
}
