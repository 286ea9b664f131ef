using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace DiscordBot.Tests.Gateway;

/// <summary>Moves a <see cref="FakeTimeProvider"/> forward in small steps until something happens.</summary>
public static class TestClock
{
    /// <summary>
    /// Advances fake time by <paramref name="step"/> until <paramref name="task"/> completes, yielding real time between
    /// steps so sockets make progress. Bounded in real time so a broken client fails instead of hanging.
    /// </summary>
    public static async Task<T> AdvanceUntilAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan? step = null)
    {
        await AdvanceUntilAsync(time, (Task)task, step);
        return await task;
    }

    public static async Task AdvanceUntilAsync(this FakeTimeProvider time, Task task, TimeSpan? step = null)
    {
        var watch = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (watch.Elapsed > LoopbackGatewayServer.Patience)
            {
                throw new TimeoutException("Gave up advancing the fake clock: the awaited event never happened.");
            }

            time.Advance(step ?? TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(task, Task.Delay(5));
        }

        await task;
    }

    /// <summary>Polls a condition on real time (for state the client exposes no event for), bounded.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > LoopbackGatewayServer.Patience)
            {
                throw new TimeoutException("The condition never became true.");
            }

            await Task.Delay(5);
        }
    }
}
