using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>
/// CPU time next to wall time. On a shared machine wall time includes waiting for a core; CPU time does not, so the
/// two together tell how fast the code is from how busy the machine was.
/// </summary>
public static partial class CpuClock
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>CPU time of the whole process (every thread, the garbage collector's included).</summary>
    public static TimeSpan Process() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>CPU time of the calling thread; zero where the platform does not say (not Linux).</summary>
    public static TimeSpan Thread()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTime, out var ts) != 0) return TimeSpan.Zero;
        return TimeSpan.FromTicks(ts.Seconds * TimeSpan.TicksPerSecond + ts.Nanoseconds / 100);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}

/// <summary>Wall and CPU time of one piece of work, and the bytes it allocated.</summary>
public readonly record struct Elapsed(double WallSeconds, double CpuSeconds, long AllocatedBytes)
{
    /// <summary>Runs <paramref name="work"/> and measures it (process CPU: every thread).</summary>
    public static Elapsed Of(Action work)
    {
        var cpu = CpuClock.Process();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.GetTimestamp();
        work();
        return new Elapsed(Stopwatch.GetElapsedTime(wall).TotalSeconds, (CpuClock.Process() - cpu).TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    public static async Task<Elapsed> OfAsync(Func<Task> work)
    {
        var cpu = CpuClock.Process();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.GetTimestamp();
        await work();
        return new Elapsed(Stopwatch.GetElapsedTime(wall).TotalSeconds, (CpuClock.Process() - cpu).TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }
}
