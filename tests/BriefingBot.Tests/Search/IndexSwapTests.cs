using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Search;
using BriefingBot.Timeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Tests.Search;

public sealed class IndexSwapTests : IDisposable
{
    private readonly TempFolder corpus = new();
    private readonly TempFolder folder = new();

    public IndexSwapTests() => RepositoryPaths.CopyCorpusTo(corpus.Path);

    public void Dispose()
    {
        corpus.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Queries_DuringRebuilds_AllSucceed()
    {
        var briefing = TestBriefing.Create(corpus.Path, folder.Combine("index"));
        await briefing.ReindexAsync();

        using var stop = new CancellationTokenSource();
        var failures = 0;
        var answered = 0;
        var askers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var answer = briefing.Ask("what did Wu Xinbo say");
                    if (answer.Results.Count == 0) Interlocked.Increment(ref failures);
                    Interlocked.Increment(ref answered);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();

        for (var rebuild = 0; rebuild < 5; rebuild++) await briefing.ReindexAsync();
        await stop.CancelAsync();
        await Task.WhenAll(askers);

        Assert.Equal(0, failures);
        Assert.True(answered > 0);
    }

    [Fact]
    public async Task Rebuild_InAnotherInstance_IsSeenByTheNextQuery()
    {
        var bot = TestBriefing.Create(corpus.Path, folder.Combine("index"));
        var admin = TestBriefing.Create(corpus.Path, folder.Combine("index"));
        await bot.ReindexAsync();
        Assert.DoesNotContain(bot.Ask("what did Wilhelmina Okonkwo-Baptiste say").Results, r => r.Speaker is not null);

        AddWilhelminasReport();
        await admin.ReindexAsync();

        Assert.Contains(bot.Ask("what did Wilhelmina Okonkwo-Baptiste say").Results, r => r.Speaker == "Wilhelmina Okonkwo-Baptiste");
    }

    [Fact]
    public async Task Snapshot_AnswersFromItsGeneration_AfterARebuildSwitchesToANewerOne()
    {
        using var index = BotIndex();
        var admin = await AdminWithAGenerationAsync();
        using var before = index.Snapshot();
        AddWilhelminasReport();

        await admin.ReindexAsync();
        using var after = index.Snapshot();

        Assert.DoesNotContain("900_new", before.Catalog.Articles.Keys);
        Assert.Empty(before.QuotationsBy(["Wilhelmina Okonkwo-Baptiste"], topic: null));
        Assert.DoesNotContain(before.SearchPassages("Okonkwo-Baptiste shipping rates", 5), p => p.ArticleId == "900_new");
        Assert.Contains("900_new", after.Catalog.Articles.Keys);
        Assert.NotEmpty(after.QuotationsBy(["Wilhelmina Okonkwo-Baptiste"], topic: null));
        Assert.Contains(after.SearchPassages("Okonkwo-Baptiste shipping rates", 5), p => p.ArticleId == "900_new");
    }

    [Fact]
    public async Task Snapshot_AnswersFromItsGeneration_AfterRebuildsRetireAndDeleteIt()
    {
        using var index = BotIndex();
        var admin = await AdminWithAGenerationAsync();
        using var held = index.Snapshot();
        AddWilhelminasReport();

        // Each rebuild is seen by the next snapshot, which switches generations; the second retires the held one, and
        // the builder deletes its folder.
        for (var rebuild = 0; rebuild < 2; rebuild++)
        {
            await admin.ReindexAsync();
            index.Snapshot().Dispose();
        }

        Assert.Empty(held.QuotationsBy(["Wilhelmina Okonkwo-Baptiste"], topic: null));
        Assert.DoesNotContain(held.SearchPassages("Okonkwo-Baptiste shipping rates", 5), p => p.ArticleId == "900_new");
        Assert.NotEmpty(held.QuotationsBy(["Wu Xinbo"], topic: null));
    }

    [Fact]
    public async Task EnsureIndex_RebuildsOnlyWhenTheCorpusChanged()
    {
        var briefing = TestBriefing.Create(corpus.Path, folder.Combine("index"));

        Assert.NotNull(await briefing.EnsureIndexAsync());
        Assert.Null(await briefing.EnsureIndexAsync());
        File.Delete(Directory.EnumerateFiles(corpus.Path).First());
        var report = await briefing.EnsureIndexAsync();

        Assert.NotNull(report);
        Assert.Single(report.ArticlesRemoved);
    }

    // What an older version leaves: a generation the pointer names, without this version's catalog file.
    [Fact]
    public Task EnsureIndex_RebuildsAnIndexWrittenInAnOlderLayout() =>
        AssertRebuiltAfter(generation => File.Delete(Directory.EnumerateFiles(generation, "catalog*.json").Single()));

    // What a power cut while the file was being written could leave, had it not reached the disk before the switch.
    [Fact]
    public Task EnsureIndex_RebuildsAnIndexWhoseCatalogWasCutShort() =>
        AssertRebuiltAfter(generation =>
        {
            using var catalog = File.Open(Directory.EnumerateFiles(generation, "catalog*.json").Single(), FileMode.Open);
            catalog.SetLength(catalog.Length / 2);
        });

    // What a power cut right after the rename could leave on a file system that loses unsynced data.
    [Fact]
    public Task EnsureIndex_RebuildsAnIndexWhosePointerIsEmpty() =>
        AssertRebuiltAfter(generation => File.WriteAllText(Path.Combine(Path.GetDirectoryName(generation)!, "CURRENT"), ""));

    [Theory]
    [InlineData("segments*")] // the shard's commit gone
    [InlineData("*.si")] // its segment's description gone
    public Task EnsureIndex_RebuildsAnIndexWithADamagedShard(string removed) =>
        AssertRebuiltAfter(generation =>
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(generation, "quotations"), removed)) File.Delete(file);
        });

    /// <summary>
    /// An index built, its generation then damaged: a bot started on it answers nothing (rather than failing), and
    /// <see cref="BriefingService.EnsureIndexAsync"/> rebuilds it.
    /// </summary>
    private async Task AssertRebuiltAfter(Action<string> damageGeneration)
    {
        var index = folder.Combine("index");
        await TestBriefing.Create(corpus.Path, index).ReindexAsync();
        damageGeneration(Directory.EnumerateDirectories(index, "gen-*").Single());

        var restarted = TestBriefing.Create(corpus.Path, index);
        Assert.Empty(restarted.Ask("what did Wu Xinbo say").Results);
        Assert.NotNull(await restarted.EnsureIndexAsync());

        Assert.Contains(restarted.Ask("what did Wu Xinbo say").Results, r => r.Speaker == "Wu Xinbo");
    }

    [Fact]
    public async Task Rebuild_WhoseAnalysisFails_LeavesTheServingGenerationAlone()
    {
        var indexFolder = folder.Combine("index");
        await TestBriefing.Create(corpus.Path, indexFolder).ReindexAsync();
        var serving = Directory.EnumerateDirectories(indexFolder, "gen-*").Single();
        using var index = new BriefingIndex(indexFolder, TimeProvider.System, NullLogger<BriefingIndex>.Instance);
        var snapshot = new CorpusReader(NullLogger<CorpusReader>.Instance).Read(corpus.Path);

        // The passages are being written when the analysis fails.
        var quotations = Task.Run(QuotationAnalysis () => throw new InvalidDataException("analysis failed"));
        var milestones = Task.FromResult<IReadOnlyList<Milestone>>([]);
        await Assert.ThrowsAsync<InvalidDataException>(() => index.RebuildAsync(snapshot, quotations, milestones, CancellationToken.None));

        Assert.Equal([serving], Directory.EnumerateDirectories(indexFolder, "gen-*"));
        using var stillServing = index.Snapshot();
        Assert.NotEmpty(stillServing.SearchPassages("tariff truce", 3));
    }

    [Fact]
    public async Task CatalogServedAfterABuild_IsTheCatalogAnotherProcessReadsFromDisk()
    {
        var builder = TestBriefing.Create(corpus.Path, folder.Combine("index"));
        await builder.ReindexAsync();
        var served = builder.Catalog;

        var read = TestBriefing.Create(corpus.Path, folder.Combine("index")).Catalog;

        Assert.Equal(read.Fingerprint, served.Fingerprint);
        Assert.Equal(read.BuiltAt, served.BuiltAt);
        Assert.Equal((read.Passages, read.Quotations), (served.Passages, served.Quotations));
        Assert.Equal(read.Articles.Keys, served.Articles.Keys);
        Assert.Equal(read.Articles.Values, served.Articles.Values);
        Assert.Equal(read.Milestones, served.Milestones);
        Assert.Equal(read.People.Select(p => (p.Name, string.Join("|", p.Aliases))), served.People.Select(p => (p.Name, string.Join("|", p.Aliases))));
    }

    private void AddWilhelminasReport() =>
        File.WriteAllText(Path.Combine(corpus.Path, "900_new.txt"),
            "A New Report\n\nBy Sam Writer\n\n“Shipping rates will double by spring,” Wilhelmina Okonkwo-Baptiste, an analyst at a port authority, said on Monday.\n");

    private BriefingIndex BotIndex() => new(folder.Combine("index"), TimeProvider.System, NullLogger<BriefingIndex>.Instance);

    /// <summary>Another instance of the bot, an admin's, which has built the first generation in the bot's index folder.</summary>
    private async Task<BriefingService> AdminWithAGenerationAsync()
    {
        var admin = TestBriefing.Create(corpus.Path, folder.Combine("index"));
        await admin.ReindexAsync();
        return admin;
    }
}
