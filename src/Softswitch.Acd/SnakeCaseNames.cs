namespace Softswitch.Acd;

/// <summary>
/// An ACD enum member as rows, logs and the event table name it: lower case with underscores (<c>QueueFull</c> →
/// <c>queue_full</c>, <c>RingNoAnswer</c> → <c>ring_no_answer</c>).
/// </summary>
public static class SnakeCaseNames
{
    public static string Of<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
