namespace BriefingBot.Benchmarks;

/// <summary>The word lists and sentence templates <see cref="SyntheticCorpus"/> composes articles from.</summary>
internal static class Vocabulary
{
    public static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static readonly string[] ShortMonths =
        ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

    public static readonly string[] Durations = ["30", "60", "90", "120", "180", "45"];

    public static readonly string[] Topics =
    [
        "tariffs", "export controls", "rare earth minerals", "soybean purchases", "semiconductor supply chains",
        "fentanyl precursors", "port fees", "the South China Sea", "student visas", "currency policy",
        "shipbuilding subsidies", "critical minerals", "electric vehicles", "solar panels", "steel overcapacity",
        "agricultural quotas", "data security rules", "undersea cables", "military hotlines", "climate finance",
        "debt relief", "pharmaceutical supply", "fishing rights", "airline routes", "investment screening",
        "artificial intelligence safety", "nuclear arms control", "the Taiwan Strait", "cyber intrusions",
        "intellectual property", "market access", "financial sanctions", "energy imports", "grain reserves",
        "container shipping", "battery materials", "drone exports", "the trade deficit", "bond markets", "lithium mining",
    ];

    public static readonly string[] Places =
    [
        "Kuala Lumpur", "Geneva", "Busan", "Singapore", "London", "Stockholm", "Madrid", "Jakarta", "Hanoi", "Seoul",
        "Tokyo", "Canberra", "Brussels", "Nairobi", "Lagos", "Cairo", "Istanbul", "Doha", "Riyadh", "Mumbai",
        "Lima", "Santiago", "Mexico City", "Ottawa", "Oslo", "Vienna", "Warsaw", "Bangkok", "Manila", "Dhaka",
    ];

    public static readonly string[] Countries =
    [
        "China", "the United States", "Japan", "South Korea", "India", "Germany", "France", "Brazil", "Indonesia",
        "Vietnam", "Australia", "Canada", "Mexico", "the United Kingdom", "Saudi Arabia", "Turkey", "South Africa",
        "Nigeria", "Malaysia", "the Philippines", "Beijing", "Washington", "Tokyo", "Brussels",
    ];

    public static readonly string[] Organisations =
    [
        "the commerce ministry", "the treasury", "the central bank", "the trade office", "the foreign ministry",
        "the customs agency", "the defence ministry", "the securities regulator", "the energy agency",
        "the World Trade Organization", "the International Monetary Fund", "the development bank",
        "the state planning agency", "the maritime authority", "the agriculture ministry",
    ];

    public static readonly string[] CompanyKinds =
        ["Holdings", "Semiconductor", "Logistics", "Shipping", "Energy", "Capital", "Mining", "Motors", "Systems", "Bank"];

    public static readonly string[] Adjectives =
    [
        "fragile", "decisive", "cautious", "ambitious", "temporary", "sweeping", "narrow", "unprecedented", "modest",
        "bilateral", "strategic", "uncertain", "durable", "limited", "costly", "technical", "political", "sensitive",
        "incremental", "broad", "tentative", "binding", "symbolic", "urgent", "difficult", "significant", "uneven",
        "contentious", "pragmatic", "aggressive", "measured", "historic", "partial", "comprehensive", "reciprocal",
    ];

    public static readonly string[] Nouns =
    [
        "agreement", "truce", "framework", "deadline", "concession", "dispute", "round of talks", "review", "package",
        "tariff schedule", "quota", "mechanism", "commitment", "proposal", "investigation", "ban", "waiver",
        "settlement", "roadmap", "summit", "ceasefire", "dialogue", "negotiation", "memorandum", "pause",
    ];

    public static readonly string[] PluralNouns =
    [
        "concessions", "negotiators", "exporters", "investors", "farmers", "regulators", "manufacturers", "diplomats",
        "officials", "analysts", "shipping lines", "lawmakers", "consumers", "suppliers", "banks", "ports",
        "markets", "allies", "importers", "producers", "workers", "customs officers", "central banks", "insurers",
    ];

    public static readonly string[] PastVerbs =
    [
        "announced", "delayed", "approved", "suspended", "extended", "rejected", "expanded", "tightened", "eased",
        "reviewed", "proposed", "cancelled", "renewed", "doubled", "halved", "confirmed", "postponed", "restored",
    ];

    public static readonly string[] SayVerbs = ["said", "said", "said", "added", "noted", "warned", "argued", "explained", "stressed", "told reporters"];

    public static readonly string[] ThatVerbs = ["argued", "said", "warned", "noted", "insisted", "suggested", "predicted", "cautioned"];

    public static readonly string[] Outlets =
        ["Reuters", "the Financial Times", "the Global Times", "Bloomberg", "reporters", "the Associated Press", "this newspaper", "state television"];

    public static readonly string[] Roles = ["correspondent", "senior editor", "researcher", "columnist", "staff writer", "analyst"];

    public static readonly string[] Fields =
        ["International Relations", "Economics", "Political Science", "Security Studies", "Public Policy", "Trade Law", "Energy Policy"];

    public static readonly string[] Titles =
        ["trade minister", "foreign minister", "finance minister", "ambassador", "deputy prime minister", "chief negotiator"];

    public static readonly string[] FirstNames =
    [
        "James", "Maria", "David", "Sarah", "Michael", "Elena", "Robert", "Aisha", "Thomas", "Priya", "Daniel", "Fatima",
        "Peter", "Olga", "Carlos", "Ingrid", "Samuel", "Yuki", "Andrew", "Leila", "Jonathan", "Amara", "Henry", "Sofia",
        "Kenneth", "Nadia", "William", "Chloe", "Richard", "Hannah", "Patrick", "Grace", "Victor", "Isabel", "Martin",
        "Camille", "Stephen", "Rosa", "Edward", "Anna", "Lucas", "Mei", "Oscar", "Zainab", "Paul", "Helena", "Ahmed",
        "Julia", "Ravi", "Laura", "Kwame", "Emma", "Diego", "Freya", "Tomasz", "Ines", "Mateo", "Noura", "Felix", "Ruth",
    ];

    public static readonly string[] LastNames =
    [
        "Navarro", "Whitfield", "Okafor", "Lindqvist", "Castellanos", "Brennan", "Haddad", "Kowalski", "Moreau",
        "Albrecht", "Sutherland", "Mensah", "Fitzgerald", "Rahman", "Delacroix", "Petrov", "Yamamoto", "Ferreira",
        "Gallagher", "Nakamura", "Abernathy", "Oyelaran", "Vasquez", "Thornton", "Kaur", "Lindgren", "Mbeki",
        "Harrington", "Rossi", "Schneider", "Dubois", "Kimura", "Osei", "Pemberton", "Halvorsen", "Ibrahim",
        "Costa", "Mueller", "Sandoval", "Aldridge", "Varga", "Novak", "Ekström", "Quintero", "Bianchi", "Adeyemi",
        "Lawson", "Marchetti", "Sokolov", "Winslow", "Carvalho", "Hoffmann", "Bergstrom", "Duarte", "Kellerman",
        "Zielinski", "Ashworth", "Mahmoud", "Renner", "Takahashi", "Vance", "Ortega", "Fairbanks", "Lindholm",
    ];

    public static readonly string[] EastAsianFamilyNames =
        ["Wu", "Zhang", "Li", "Wang", "Chen", "Liu", "Huang", "Zhao", "Zhou", "Sun", "Ma", "Gao", "Lin", "Xu", "He", "Guo", "Luo", "Song", "Tang", "Han"];

    public static readonly string[] EastAsianGivenNames =
    [
        "Xinbo", "Wei", "Jun", "Ming", "Yifan", "Zhikai", "Hua", "Lei", "Xiaodong", "Jianguo", "Lan", "Qiang", "Yu",
        "Jing", "Haoran", "Xiuying", "Bo", "Tao", "Yan", "Zhen", "Dong", "Kai", "Ning", "Rui", "Shu",
    ];

    public static readonly HashSet<string> SmallWords = ["a", "an", "the", "and", "or", "of", "on", "in", "to", "as", "for", "at", "by", "with"];

    public static readonly string[] Headlines =
    [
        "{a} and {b} {verb} talks on {topic}",
        "{a} {verb} {adj} {noun} on {topic}",
        "why the {noun} on {topic} matters for {place}",
        "{topic}: what the {adj} {noun} means for {nouns}",
        "{nouns} brace for {adj} {noun} over {topic}",
        "inside the {adj} {noun} between {a} and {b}",
        "{a} weighs {adj} response to {b} on {topic}",
        "after {place}, {a} and {b} test a {adj} {noun}",
    ];

    public static readonly string[] Headings =
    [
        "the road to {place}", "what comes next", "the {topic} question", "{adj} expectations", "a {adj} {noun}",
        "the view from {place}", "markets react", "the stakes for {nouns}",
    ];

    public static readonly string[] NarrativeSentences =
    [
        "{a} and {b} {verb} a {adj} {noun} on {topic} after {num} hours of talks in {place}.",
        "The {noun} covers {topic} and leaves {anytopic} for a later round.",
        "{org} {verb} the {noun} on {topic} in a statement late on Friday.",
        "Exports of {topic} fell {pct} in the first quarter, the steepest drop since {year}.",
        "{company} said the {noun} would cost it about {money} this year.",
        "{nouns} in {place} have spent months preparing for a {adj} outcome.",
        "Trade between {a} and {b} reached {money} last year, according to customs data.",
        "The {adj} {noun} follows a {adj} year in which {nouns} repeatedly {verb} plans on {topic}.",
        "Shares of {company} rose {pct} after the {noun} was {verb}.",
        "{a} has long resisted pressure from {b} on {topic}, citing {adj} concerns.",
        "The talks in {place} were the {adj} since the {noun} on {anytopic} collapsed in {year}.",
        "{nouns} expect the {noun} to survive only if both sides keep their {adj} commitments on {topic}.",
        "{org} estimates that {topic} accounts for {pct} of bilateral trade.",
        "A delegation led by officials from {org} arrived in {place} on Monday.",
        "{company} and {company} have both warned investors about {topic}.",
        "The {adj} {noun} does not address {anytopic}, which remains the most {adj} issue.",
        "Imports of {topic} from {b} have {verb} for {num} consecutive months.",
        "The proposal would require {nouns} to report holdings above {money} to {org}.",
        "Diplomats in {place} described the atmosphere as {adj} but {adj}.",
        "The {noun} was first floated in {year} but stalled over {topic}.",
        "Regional {nouns} from {proper} to {proper} have felt the effects of {topic}.",
        "{org} plans a review of {topic} that could lead to a {adj} {noun}.",
        "The last {noun} on {topic} lasted {num} months before it was {verb}.",
        "Economists at {company} cut their growth forecast for {place} by {pct}.",
        "{a} {verb} its {noun} on {anytopic} while keeping pressure on {topic}.",
    ];

    public static readonly string[] QuoteSentences =
    [
        "We will not accept {adj} {nouns} on {topic}.",
        "This is a {adj} moment for {place} and for everyone who depends on {topic}.",
        "The {nouns} are {adj}, and everyone at the table knows it.",
        "Nobody should expect {topic} to be settled in one round.",
        "If {b} wants a {noun}, it has to move first on {topic}.",
        "What matters now is whether the {noun} survives the next {num} months.",
        "Dialogue and a {adj} {noun} are better than another year of {adj} {nouns}.",
        "Our {nouns} cannot plan when the rules on {topic} change every quarter.",
        "The {noun} buys time, but it does not buy trust.",
        "It is a {adj} step, and we should be honest that it is only a step.",
        "We have made {adj} progress on {topic}, but {anytopic} remains unresolved.",
        "{topic} was never going to be solved by a {noun} alone.",
        "Everyone in {place} is watching to see whether {a} keeps its word.",
        "The real test will come when the {noun} on {topic} expires.",
        "I think the {nouns} underestimate how {adj} this {noun} really is.",
        "There is no {adj} path out of this without {nouns} on both sides.",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "ven", "dar", "mi", "sto", "rel", "an", "tor", "bel", "qui", "na", "zor", "lex", "ma", "ri", "ton",
        "shi", "vo", "den", "ara", "mon", "tel", "cas", "pra", "dun", "ish", "ol", "ter", "gra",
    ];

    /// <summary>A made-up proper noun ("Kalovan", "Tordenmi"), one per rank: the long tail of names in real news.</summary>
    public static string ProperNoun(int rank)
    {
        var n = Syllables.Length;
        var word = Syllables[rank % n] + Syllables[rank / n % n] + Syllables[rank / (n * n) % n];
        if (rank >= n * n * n) word += Syllables[rank / (n * n * n) % n];
        return char.ToUpperInvariant(word[0]) + word[1..];
    }
}
