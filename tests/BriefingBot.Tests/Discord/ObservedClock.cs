using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Discord;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when the code under test starts waiting and for how long,
/// so the test advances time only once the wait is in place.
/// </summary>
public sealed class ObservedClock(DateTimeOffset start) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> waits = new();
    private readonly SemaphoreSlim waitStarted = new(0);

    public FakeTimeProvider Fake { get; } = new(start);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        waits.Enqueue(dueTime);
        waitStarted.Release();
        return timer;
    }

    /// <summary>Waits (at most 10 s of real time) until something waits exactly <paramref name="dueTime"/>.</summary>
    public async Task WaitUntilWaitingAsync(TimeSpan dueTime)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!waits.Contains(dueTime))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await waitStarted.WaitAsync(left))
                throw new TimeoutException($"Nothing waited {dueTime}; waits so far: {string.Join(", ", waits)}");
        }
    }

    public void Advance(TimeSpan by) => Fake.Advance(by);
}
