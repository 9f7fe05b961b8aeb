using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace BriefingBot.Search;

/// <summary>
/// Turns the irregular past forms of common English verbs into their base form before stemming, which cannot do
/// it: "Where did Xi and Trump meet?" then finds "met", and "what was told" finds "tell". Lowercase input.
/// </summary>
internal sealed class IrregularFormFilter : TokenFilter
{
    private static readonly CharArrayDictionary<string> BaseForms = Build("""
        met:meet said:say told:tell spoke:speak spoken:speak wrote:write written:write took:take taken:take
        made:make gave:give given:give went:go gone:go came:come saw:see seen:see held:hold won:win lost:lose
        led:lead left:leave paid:pay bought:buy brought:bring thought:think found:find began:begin begun:begin
        fell:fall fallen:fall rose:rise risen:rise sought:seek struck:strike chose:choose chosen:choose drew:draw
        drawn:draw grew:grow grown:grow knew:know known:know sent:send spent:spend built:build kept:keep felt:feel
        meant:mean ran:run sold:sell stood:stand understood:understand broke:break broken:break fought:fight
        taught:teach caught:catch threw:throw thrown:throw flew:fly flown:fly forgave:forgive forgiven:forgive
        froze:freeze frozen:freeze sank:sink sunk:sink shook:shake shaken:shake wore:wear worn:wear swore:swear
        sworn:swear withdrew:withdraw withdrawn:withdraw overtook:overtake undertook:undertake
        """);

    private readonly ICharTermAttribute term;

    public IrregularFormFilter(TokenStream input) : base(input) => term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        if (BaseForms.TryGetValue(term.Buffer, 0, term.Length, out var baseForm))
            term.SetEmpty().Append(baseForm);
        return true;
    }

    private static CharArrayDictionary<string> Build(string pairs)
    {
        var map = new CharArrayDictionary<string>(Fields.Version, 128, ignoreCase: false);
        foreach (var pair in pairs.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':');
            map[pair[..colon]] = pair[(colon + 1)..];
        }
        return map;
    }
}
