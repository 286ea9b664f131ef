namespace ChatCommands;

/// <summary>How long the adapters wait before reconnecting after failures (Discord's gateway, Slack's Socket Mode).</summary>
public static class Backoff
{
    /// <summary>
    /// Exponential back-off with "equal jitter" (half fixed, half random) and a cap: <paramref name="first"/> after
    /// one failure, then twice that, and so on up to <paramref name="cap"/>, each between half and all of its step,
    /// so many bots never retry in the same instant.
    /// </summary>
    /// <param name="random">A uniform draw in [0, 1).</param>
    public static TimeSpan EqualJitter(int failures, TimeSpan first, TimeSpan cap, double random)
    {
        var exponent = Math.Clamp(failures - 1, 0, 16);
        var ceiling = Math.Min(cap.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random * ceiling / 2));
    }
}
