using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Timeline;

namespace BriefingBot.Cli;

/// <summary>
/// The JSON shapes of DESIGN.md's command-line contract. Scripts and evaluations depend on them: change a
/// name here and you break them.
/// </summary>
internal static class JsonContract
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Quotes keep their curly quotation marks and accents readable; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public sealed record ArticleJson(string Id, string? Title, string? Author, string? Published, string File)
    {
        public static ArticleJson From(ArticleRef a) => new(a.Id, a.Title, a.Author, a.Published?.ToString("yyyy-MM-dd"), a.File);
    }

    public sealed record ResultJson(string Quote, string? Speaker, ArticleJson Article, int Paragraph, double Score);

    public sealed record AnswerJson(string Question, IReadOnlyList<ResultJson> Results, string? Note)
    {
        public static AnswerJson From(Answer answer) => new(
            answer.Question,
            answer.Results.Select(r => new ResultJson(r.Quote, r.Speaker, ArticleJson.From(r.Article), r.Paragraph, r.Score)).ToList(),
            answer.Note);
    }

    public sealed record SourceJson(string Quote, ArticleJson Article, int Paragraph);

    public sealed record MilestoneJson(
        string Id, string Date, string Precision, string Label, string Kind, string Status, string? SupersededBy, SourceJson Source)
    {
        public static MilestoneJson From(Milestone m, DateOnly today) => new(
            m.Id,
            m.Date.ToString("yyyy-MM-dd"),
            m.Precision.ToString().ToLowerInvariant(),
            m.Label,
            m.Kind.ToString().ToLowerInvariant(),
            BriefingService.IsPast(m, today) ? "past" : "upcoming",
            m.SupersededBy,
            new SourceJson(m.Source, ArticleJson.From(m.Article), m.Paragraph));
    }

    public sealed record MilestonesJson(IReadOnlyList<MilestoneJson> Milestones);

    public sealed record ReminderJson(
        string FireAt, string FireAtLocal, string Kind, string? MilestoneId, string? MilestoneDate, string? Lead, string Channel)
    {
        public static ReminderJson From(Scheduling.PlannedPost post) => new(
            post.FireAtUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            post.FireAtLocal.ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            post.Kind,
            post.MilestoneId,
            post.MilestoneDate?.ToString("yyyy-MM-dd"),
            post.Lead,
            post.Channel);
    }

    public sealed record RemindersJson(IReadOnlyList<ReminderJson> Reminders);
}
