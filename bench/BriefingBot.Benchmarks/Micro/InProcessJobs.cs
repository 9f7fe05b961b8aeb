using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace BriefingBot.Benchmarks.Micro;

/// <summary>
/// Benchmarks run in this process (no generated project to build, the same server GC and tiered PGO as the app),
/// with allocations measured.
/// </summary>
public abstract class InProcessJobs : ManualConfig
{
    protected InProcessJobs(Job job)
    {
        AddJob(job.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>Microsecond-to-millisecond operations: the usual warm-up and ten measured iterations.</summary>
public sealed class FastJobs() : InProcessJobs(Job.Default.WithWarmupCount(3).WithIterationCount(10));

/// <summary>
/// Operations of seconds (a whole reindex): a dozen warm-up runs, since the runtime keeps recompiling a build's hot code
/// for about as many 1,000-article builds (two at 10,000), then five monitored runs.
/// </summary>
public sealed class SlowJobs() : InProcessJobs(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(12).WithIterationCount(5));
