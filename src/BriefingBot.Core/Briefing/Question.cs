using System.Text.RegularExpressions;

namespace BriefingBot.Briefing;

/// <summary>What a question asks for, decided from its wording alone (no index needed).</summary>
internal abstract record Question(string Text)
{
    /// <summary>"What did X say/argue/urge…", "How did X characterise …", "quotes by X": a person's words,
    /// optionally about <paramref name="Topic"/>. "When did X say …" asks for a date: that is <see cref="ForWhen"/>.</summary>
    public sealed record ForSpeaker(string Text, string Name, string? Topic) : Question(Text);

    /// <summary>"Who called the meeting a turning point?": whose words match <paramref name="Claim"/>.</summary>
    public sealed record ForWhoSaid(string Text, string Claim) : Question(Text);

    /// <summary>"When does the truce expire?", "What is the deadline for …": dated milestones first.</summary>
    /// <param name="AboutDeadline">The question asks when something ends rather than when it happens.</param>
    public sealed record ForWhen(string Text, bool AboutDeadline) : Question(Text);

    /// <summary>Anything else: the best passages.</summary>
    public sealed record ForPassages(string Text) : Question(Text);
}

/// <summary>Reads a question's intent. User text is only matched here, never executed or parsed as a query.</summary>
internal static partial class QuestionReader
{
    /// <summary>Longer input is cut here before any matching: no real question is longer.</summary>
    public const int MaxQuestionChars = 2_000;

    private const string SayVerbs =
        "say|said|says|argue|argued|argues|urge|urged|urges|warn|warned|warns|think|thinks|thought|claim|claimed|claims|"
        + "tell|told|write|wrote|writes|state|stated|states|add|added|suggest|suggested|suggests|believe|believed|believes|"
        + "note|noted|notes|stress|stressed|propose|proposed|predict|predicted|caution|cautioned|emphasi[sz]e|emphasi[sz]ed|"
        + "insist|insisted|recommend|recommended|ask|asked|want|wanted|contend|contended|assert|asserted|mean|meant|"
        + "pledge|pledged|call\\s+for|called\\s+for|characteri[sz]e|characteri[sz]ed|describe|described|view|see|saw|"
        + "think\\s+of|feel|felt|respond|responded|react|reacted|reply|replied|explain|explained|conclude|concluded|"
        + "admit|admitted|acknowledge|acknowledged|reveal|revealed|announce|announced|demand|demanded|promise|promised";

    public static Question Read(string text)
    {
        var question = Normalise(text);
        if (SpeakerQuestion().Match(question) is { Success: true } speaker)
            return new Question.ForSpeaker(question, CleanName(speaker.Groups["name"].Value), Topic(speaker.Groups["rest"].Value));
        if (QuotesOf().Match(question) is { Success: true } quotesOf)
            return new Question.ForSpeaker(question, CleanName(quotesOf.Groups["name"].Value), Topic(quotesOf.Groups["rest"].Value));
        if (PossessiveViews().Match(question) is { Success: true } views)
            return new Question.ForSpeaker(question, CleanName(views.Groups["name"].Value), Topic(views.Groups["rest"].Value));
        if (WhoSaid().Match(question) is { Success: true } who)
            return new Question.ForWhoSaid(question, who.Groups["claim"].Value.Trim());
        if (AsksWhen().IsMatch(question))
            return new Question.ForWhen(question, AsksDeadline().IsMatch(question));
        return new Question.ForPassages(question);
    }

    /// <summary>Control characters become spaces, runs of whitespace one space; over-long input is cut.</summary>
    internal static string Normalise(string text)
    {
        var cut = text.Length > MaxQuestionChars ? text[..MaxQuestionChars] : text;
        var chars = cut.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        return Whitespace().Replace(new string(chars), " ").Trim();
    }

    private static string CleanName(string name) =>
        name.Trim().Trim('"', '\'', '“', '”', '‘', '’', '?', '.', '!', ',', ':', ';').Trim();

    private static string? Topic(string rest)
    {
        var topic = LeadingPreposition().Replace(rest.Trim(), "").Trim().TrimEnd('?', '.', '!').Trim();
        return topic.Length == 0 ? null : topic;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:so\s+|and\s+)?when\b|\b(?:what|which)\s+(?:date|day|month|year)\b|\b(?:deadline|expir(?:e|es|y|ation)|due\s+date|until\s+when|how\s+long)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWhen();

    [GeneratedRegex(@"\b(?:deadline|expir(?:e|es|y|ation)|end|ends|run\s+out|runs\s+out|lapse|lapses|due|until|how\s+long|last|lasts)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksDeadline();

    [GeneratedRegex(@"^(?:about|on|regarding|concerning|of|in|over|with|to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPreposition();

    [GeneratedRegex(
        @"^(?:so\s+|and\s+|but\s+)?(?:what|how|why|where|which\s+\w+)\s+(?:else\s+)?(?:did|does|do|has|have|had|is|was|would|will)\s+"
        + @"(?<name>[^?]{1,80}?)\s+(?:(?:ever|actually|really|previously|once|just|also)\s+)?(?:" + SayVerbs + @")\b(?<rest>.*)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex SpeakerQuestion();

    [GeneratedRegex(
        @"^(?:(?:show|give|list|find)\s+(?:me\s+)?)?(?:all\s+)?(?:the\s+)?(?:quotes|quotations|quote|statements|remarks|comments|words)\s+(?:from|by|of)\s+(?<name>[^?]{1,80}?)(?<rest>\s+(?:about|on|regarding)\b.*)?\??$",
        RegexOptions.IgnoreCase)]
    private static partial Regex QuotesOf();

    [GeneratedRegex(
        @"^(?:(?:show|give|list|find)\s+(?:me\s+)?)?(?:(?:what|how)\s+(?:is|are|was|were)\s+|what['’]s\s+)?(?<name>[^?]{1,80}?)['’]s?\s+(?:quotes|quotations|views?|opinions?|take|thoughts|remarks|comments|words|statements|position|stance)\b(?<rest>.*)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex PossessiveViews();

    [GeneratedRegex(
        @"^who\s+(?:has\s+|have\s+|had\s+)?(?:" + SayVerbs + @"|called|calls|labell?ed|termed|dubbed|compared|hailed|rated)\b(?<claim>.*)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex WhoSaid();
}
