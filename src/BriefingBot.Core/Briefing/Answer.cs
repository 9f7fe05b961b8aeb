using BriefingBot.Corpus;
using BriefingBot.Timeline;

namespace BriefingBot.Briefing;

/// <summary>The platform-neutral answer to a question; every adapter renders this.</summary>
/// <param name="Note">Said to the user besides the results ("The corpus never quotes Olaf Scholz."), or null.</param>
public sealed record Answer(string Question, IReadOnlyList<AnswerItem> Results, string? Note);

/// <summary>
/// One cited passage.
/// </summary>
/// <param name="Quote">Verbatim text of the cited paragraph.</param>
/// <param name="Speaker">Set only on a direct quotation attributed to a person.</param>
public sealed record AnswerItem(string Quote, string? Speaker, ArticleRef Article, int Paragraph, double Score);

/// <summary>The periodic briefing.</summary>
/// <param name="Upcoming">Milestones dated within the digest's horizon, soonest first.</param>
/// <param name="NewArticles">Articles indexed since the previous digest.</param>
/// <param name="NotableQuotes">Attributed quotations from those articles.</param>
public sealed record Digest(
    DateOnly Today,
    int HorizonDays,
    IReadOnlyList<Milestone> Upcoming,
    IReadOnlyList<ArticleRef> NewArticles,
    IReadOnlyList<AnswerItem> NotableQuotes);

/// <summary>What a scheduled post says: a reminder of a milestone, or a digest.</summary>
public abstract record Post;

/// <summary>A reminder <paramref name="Lead"/> ahead of <paramref name="Milestone"/> (zero on the day).</summary>
public sealed record ReminderPost(Milestone Milestone, TimeSpan Lead) : Post;

/// <summary>A digest, scheduled or asked for.</summary>
public sealed record DigestPost(Digest Digest) : Post;
