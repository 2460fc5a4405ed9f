namespace Softswitch.Calls.Tests.Support;

/// <summary>Waits for a condition another thread makes true (a call releasing its ports), with a generous deadline.</summary>
internal static class Eventually
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"after {s_timeout.TotalSeconds} s: {failure()}");
            await Task.Delay(20);
        }
    }
}
