namespace Softswitch.Media.Tests.Playback.Support;

internal static class TaskExtensions
{
    /// <summary>Marks a playback task the test does not await (its outcome is checked another way).</summary>
    public static void Ignore(this Task task) => _ = task;
}
