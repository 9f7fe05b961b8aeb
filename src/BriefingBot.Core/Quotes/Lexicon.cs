using BriefingBot.Corpus;

namespace BriefingBot.Quotes;

/// <summary>
/// The general English word lists attribution runs on: say-verbs, titles, role nouns, function words and the words
/// that mark a capitalised phrase as an organisation or a place rather than a person. Nothing here names a person,
/// an article or a quotation: these lists must work on articles nobody has seen.
/// </summary>
internal static class Lexicon
{
    /// <summary>Verbs that introduce someone's words ("said", "told", "urged", "characterised").</summary>
    public static readonly WordSet SpeechVerbs = Words("""
        say says said saying tell tells told telling add adds added adding state states stated stating
        argue argues argued arguing write writes wrote written writing note notes noted noting
        warn warns warned warning caution cautions cautioned cautioning suggest suggests suggested suggesting
        urge urges urged urging emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising
        stress stresses stressed stressing counter counters countered countering insist insists insisted insisting
        claim claims claimed claiming declare declares declared declaring explain explains explained explaining
        observe observes observed observing remark remarked remarking comment commented commenting
        reply replies replied replying respond responds responded responding answer answered answering
        ask asks asked asking contend contends contended contending maintain maintains maintained maintaining
        assert asserts asserted asserting acknowledge acknowledges acknowledged acknowledging
        admit admits admitted admitting concede concedes conceded conceding conclude concludes concluded concluding
        predict predicts predicted predicting recall recalls recalled recalling
        reiterate reiterates reiterated reiterating pledge pledges pledged pledging promise promises promised promising
        vow vows vowed vowing intone intones intoned intoning assure assures assured assuring
        call calls called calling characterize characterizes characterized characterizing
        characterise characterises characterised characterising describe describes described describing
        dub dubs dubbed termed quip quips quipped joke jokes joked exclaim exclaims exclaimed
        complain complains complained complaining affirm affirms affirmed affirming reaffirm reaffirms reaffirmed reaffirming
        demand demands demanded demanding tweet tweets tweeted tweeting posted opine opines opined opining
        testify testifies testified testifying continue continues continued
        """);

    /// <summary>
    /// The subset of <see cref="SpeechVerbs"/> that reports a claim ("X argued that …"): a sentence built on one of
    /// these is a <see cref="QuotationKind.Reported"/> quotation of its subject. Naming verbs ("called", "described")
    /// and promises are left out: they frame a term or an act, not a statement.
    /// </summary>
    public static readonly WordSet ReportingVerbs = Words("""
        say says said saying tell tells told telling add adds added adding state states stated stating
        argue argues argued arguing write writes wrote writing note notes noted noting
        warn warns warned warning caution cautions cautioned cautioning suggest suggests suggested suggesting
        urge urges urged urging emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising
        stress stresses stressed stressing counter counters countered countering insist insists insisted insisting
        claim claims claimed claiming declare declares declared declaring explain explains explained explaining
        observe observes observed observing remark remarked remarking comment commented commenting
        reply replies replied replying respond responds responded responding contend contends contended contending
        maintain maintains maintained maintaining assert asserts asserted asserting
        acknowledge acknowledges acknowledged acknowledging admit admits admitted admitting concede concedes conceded conceding
        conclude concludes concluded concluding predict predicts predicted predicting recall recalls recalled recalling
        reiterate reiterates reiterated reiterating
        """);

    /// <summary>Auxiliaries and adverbs that may stand between a speaker and the say-verb ("Wu has repeatedly said").</summary>
    public static readonly WordSet Auxiliaries = Words("""
        has have had is was were are am be been being did does do will would could should may might must can shall
        also then later earlier first once again repeatedly recently previously publicly privately rightly reportedly
        further often frequently still already initially finally even never not just now long today yesterday
        subsequently separately jointly similarly likewise meanwhile however thus too since last though instead
        nonetheless nevertheless moreover
        """);

    /// <summary>Modal verbs: "Trump could say that …" is a hypothesis, not a report of his words.</summary>
    public static readonly WordSet Modals = Words("will would could should may might must can shall");

    /// <summary>Auxiliaries of the passive: "X was asked about …" makes X the one spoken to, not the speaker.</summary>
    public static readonly WordSet PassiveAuxiliaries = Words("is was were are be been being");

    /// <summary>Pronouns that stand for a single named person and can be resolved to the last one mentioned.</summary>
    public static readonly WordSet PersonalPronouns = Words("he she");

    /// <summary>Subjects that are somebody other than a named person: the speaker stays unknown.</summary>
    public static readonly WordSet OtherSubjects = Words("""
        they we i you it who which that this these those there one what everyone someone nobody
        """);

    /// <summary>Words that begin a participle clause: "…, by stating", "…, while adding".</summary>
    public static readonly WordSet ParticipleLeads = Words("by while when after before in also thereby further again then");

    /// <summary>Capitalised titles stripped from a name ("Chinese President Xi Jinping" → "Xi Jinping"). Titles that
    /// are also common surnames (King, Bishop, Judge, May …) are left out: stripping them would cut real names.</summary>
    public static readonly WordSet Titles = Words("""
        president vice rear premier prime minister secretary chancellor deputy ambassador senator sen representative rep
        congressman congresswoman governor gov general gen admiral adm colonel col lieutenant lt major maj captain capt
        sergeant sgt commander director chairman chairwoman chairperson chair professor prof dr mr mrs ms miss mx sir
        dame archbishop rabbi imam reverend rev justice mayor commissioner envoy spokesperson spokesman spokeswoman speaker leader chief councilor
        councillor counselor counsellor adviser advisor attorney ceo founder editor correspondent consul delegate
        former late madam sheikh president-elect secretary-general
        """);

    /// <summary>Lowercase role nouns that mark the following (or preceding, in apposition) capitalised words as a person.</summary>
    public static readonly WordSet RoleNouns = Words("""
        scholar scientist economist spokesperson spokesman spokeswoman professor analyst adviser advisor official
        counterpart minister director chairman chairwoman chair researcher expert author writer journalist diplomat
        envoy ambassador lawmaker legislator senator congressman congresswoman secretary president premier leader
        candidate columnist editor reporter fellow dean founder co-founder cofounder historian strategist commentator
        entrepreneur executive investor activist lawyer attorney judge general colonel officer negotiator
        representative aide chief head manager philosopher theorist sociologist politician statesman commander
        businessman businesswoman billionaire mayor governor host anchor student lecturer teacher doctor physician
        engineer critic observer academic specialist consultant partner ceo vice deputy senior former late then
        member citizen resident worker farmer
        """);

    /// <summary>Words that may open an appositive after a name ("Wu Xinbo, a professor at …, said").</summary>
    public static readonly WordSet AppositiveStarts = RoleNouns.With(["a", "an", "the", "who", "whose", "one"]);

    /// <summary>A capitalised phrase holding one of these is an organisation ("Ministry of Foreign Affairs").</summary>
    public static readonly WordSet OrganisationWords = Words("""
        ministry department office council committee commission agency bureau administration government party
        parliament congress senate assembly court tribunal bank fund foundation association organization organisation
        union institute institution university college academy center centre corporation company group news times
        post journal press network service services embassy consulate mission army navy police secretariat cabinet
        board authority alliance coalition society forum club federation league inc ltd corp llc house command
        """);

    /// <summary>A capitalised phrase holding one of these is a place, an event, a nationality or a thing, never a
    /// person. Words that are also common names (Park, Hall, Day, May, June, Law …) are left out.</summary>
    public static readonly WordSet NonPersonWords = Words("""
        north south east west northern southern eastern western central middle new united states kingdom republic
        empire dynasty province state county city town village district region island islands sea ocean strait gulf
        river mountain mountains valley peninsula coast airport station tower dome
        street square avenue road highway palace church temple mosque cathedral stadium cup games olympics
        summit conference meeting agreement treaty accord act strategy policy plan doctrine initiative
        program programme project war wars crisis expo exhibition days year era age phase version edition chapter
        section figure table tags print reply roundtable economic global international national federal
        foreign affairs security defense defence cooperation development relations studies research technology
        technologies trade commerce finance health science sciences arts energy air force forces movement partnership
        framework dialogue talks deal deals zone area market markets exchange index world pacific atlantic asia
        europe africa america americas make great again one two three four five six seven eight nine ten
        first second third fourth fifth hundred thousand million billion trillion
        january february march september october november december
        monday tuesday wednesday thursday friday saturday sunday
        american chinese japanese korean russian british french german indian italian spanish canadian mexican
        brazilian australian european asian african arab iranian israeli palestinian pakistani ukrainian turkish
        taiwanese vietnamese thai filipino indonesian malaysian singaporean saudi egyptian nigerian soviet dutch
        swiss swedish norwegian danish polish greek irish scottish welsh english portuguese belgian austrian
        hungarian czech finnish cuban venezuelan argentine chilean colombian peruvian afghan iraqi syrian lebanese
        jordanian qatari emirati kenyan ethiopian south-african north-korean south-korean latin nordic baltic
        """);

    /// <summary>Capitalised function words that start sentences, never names ("The", "According", "During").</summary>
    public static readonly WordSet LeadingStopWords = Words("""
        the a an this that these those in on at for by with from to of but and or nor so yet if when while as since
        after before during although though because unlike like given following according under over between among
        through throughout despite meanwhile however still also then now here there both each every some many most
        few all any no not his her their our its my your he she it they we i you who what where why how which whether
        even only just instead likewise notably thus hence therefore moreover furthermore indeed perhaps once
        whereas whenever against toward towards within without upon via per around across beyond behind besides amid
        amidst until unless such other another much more less several last next earlier later recently today
        yesterday yes dear said says asked
        """);

    /// <summary>Lowercase words allowed inside a capitalised phrase ("Ministry of Foreign Affairs", "Ludwig van Beethoven").</summary>
    public static readonly WordSet Connectors = Words("of for and the on de del della der den van von da di du dos das bin ibn al la le");

    /// <summary>Particles of personal names ("von der Leyen", "de la Cruz"): several may stand in a row.</summary>
    public static readonly WordSet Particles = Words("de del della der den van von da di du dos das bin ibn al la le");

    /// <summary>Connectors that join two phrases rather than parts of one person's name.</summary>
    public static readonly WordSet PhraseConnectors = Words("of for and the on");

    /// <summary>Abbreviations whose period does not end a sentence.</summary>
    public static readonly WordSet Abbreviations = Words("""
        mr mrs ms dr prof st jr sr gen sen rep gov lt col capt sgt adm no vs etc inc ltd co corp jan feb mar apr jun jul
        aug sep sept oct nov dec e.g i.e approx est fig vol pp ed eds rev hon ave dept univ govt u.s u.k u.n a.m p.m
        """);

    // Looked up by span: a paragraph's words are compared where they stand, with no string made for each.
    private static WordSet Words(string list) =>
        new(ignoreCase: true, list.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
