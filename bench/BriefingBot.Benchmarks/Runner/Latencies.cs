using System.Diagnostics;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>Latency samples in milliseconds, summarised by nearest-rank percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> samples = [];

    public int Count => samples.Count;

    public IReadOnlyList<double> Samples => samples;

    public void Add(double milliseconds) => samples.Add(milliseconds);

    public void AddRange(IEnumerable<double> milliseconds) => samples.AddRange(milliseconds);

    /// <summary>Times <paramref name="action"/> once and records it.</summary>
    public T Time<T>(Func<T> action)
    {
        var start = Stopwatch.GetTimestamp();
        var result = action();
        Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    /// <summary>The nearest-rank percentile (0–100); NaN without samples.</summary>
    public double Percentile(double p)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public double P50 => Percentile(50);

    public double P99 => Percentile(99);

    public double Max => samples.Count == 0 ? double.NaN : samples.Max();

    public LatencySummary Summary() => new(Count, P50, P99, Max);
}

/// <summary>What a table row shows of a latency distribution (milliseconds).</summary>
public sealed record LatencySummary(int Count, double P50, double P99, double Max);
