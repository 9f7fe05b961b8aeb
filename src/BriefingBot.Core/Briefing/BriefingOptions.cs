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

    /// <summary>Passages returned for a question that is not about a person. Default 5.</summary>
    [Range(1, 100)]
    public int DefaultTop { get; set; } = 5;
}
