using BriefingBot.Briefing;
using BriefingBot.Corpus;
using BriefingBot.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Tests;

/// <summary>Builds the real <see cref="BriefingService"/> over a corpus folder, with its index in a given folder.</summary>
public static class TestBriefing
{
    public static BriefingService Create(string corpus, string index, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        return new BriefingService(
            Options.Create(new BriefingOptions { Corpus = corpus, Index = index }),
            new BriefingIndex(index, clock, NullLogger<BriefingIndex>.Instance),
            new CorpusReader(NullLogger<CorpusReader>.Instance),
            clock,
            NullLogger<BriefingService>.Instance);
    }
}

/// <summary>The shipped corpus, indexed once for a test class.</summary>
public sealed class ShippedCorpusFixture : IAsyncLifetime
{
    private readonly TempFolder folder = new();

    public BriefingService Briefing { get; private set; } = null!;

    public CorpusSnapshot Corpus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Briefing = TestBriefing.Create(RepositoryPaths.Corpus, folder.Combine("index"));
        await Briefing.ReindexAsync();
        Corpus = new CorpusReader(NullLogger<CorpusReader>.Instance).Read(RepositoryPaths.Corpus);
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}
