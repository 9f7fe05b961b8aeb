using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Briefing;

/// <summary>Where the bot reads articles and keeps its state. Section <c>BriefingBot</c>.</summary>
public sealed class BriefingOptions
{
    public const string Section = "BriefingBot";

    /// <summary>Folder of articles (<c>*.txt</c>, <c>*.md</c>, searched recursively). Default <c>corpus</c>.</summary>
    [Required]
    public string Corpus { get; set; } = "corpus";

    /// <summary>Folder of the Lucene index. Default <c>data/index</c>.</summary>
    [Required]
    public string Index { get; set; } = "data/index";

    /// <summary>Folder of the job store, delivery ledger and subscriptions. Default <c>data</c>.</summary>
    [Required]
    public string Data { get; set; } = "data";

    /// <summary>Whether <c>serve</c> reindexes by itself when articles in <see cref="Corpus"/> are added, changed or
    /// removed (debounced). Off for a folder whose changes are not reported (some network mounts): reindex with the
    /// <c>index</c> verb or the chat command instead. Default true.</summary>
    public bool WatchCorpus { get; set; } = true;

    /// <summary>Passages returned for a question that is not about a person. Default 5.</summary>
    [Range(1, 100)]
    public int DefaultTop { get; set; } = 5;
}
