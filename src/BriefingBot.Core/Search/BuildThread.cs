namespace BriefingBot.Search;

/// <summary>
/// Runs a stage of an index build (reading the corpus, an analysis, writing a shard) on a thread of its own. Each takes
/// up to seconds at 10k articles, blocking its thread throughout: on pool threads, four or five of them left the requests
/// served meanwhile waiting for a thread (a question asked during a reindex at 10k articles waited up to a second; 27 ms
/// at most since; bench/README.md). Parallel loops inside a stage still use the pool, a thread at a time.
/// </summary>
internal static class BuildThread
{
    public static Task<T> Run<T>(Func<T> stage, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(stage, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static Task Run(Action stage, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(stage, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
