using BriefingBot.Briefing;

namespace BriefingBot.Hosting;

/// <summary>
/// Brings the index up to date when <c>serve</c> starts (building it on a fresh checkout), through the same
/// <see cref="AdminReindexer"/> path as every other reindex so the scheduler plans from the result.
/// The host starts answering health checks meanwhile; <c>/readyz</c> turns ready when this is done.
/// </summary>
public sealed class IndexWarmup(
    BriefingService briefing,
    AdminReindexer reindexer,
    IndexReadiness readiness,
    ILogger<IndexWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (briefing.Catalog.Articles.Count == 0 || await briefing.IsStaleAsync(stoppingToken))
                await reindexer.RunAsync(stoppingToken);
            readiness.MarkReady();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before the first build finished.
        }
        catch (Exception e)
        {
            readiness.MarkFailed(e.Message);
            logger.LogError(e, "The index could not be built at start; /readyz reports it");
        }
    }
}

/// <summary>Whether the index has been opened (or built) since start: what <c>/readyz</c> reports.</summary>
public sealed class IndexReadiness
{
    private volatile string? failure = "index not built yet";

    public bool IsReady => failure is null;

    public string? Failure => failure;

    public void MarkReady() => failure = null;

    public void MarkFailed(string why) => failure = why;
}
