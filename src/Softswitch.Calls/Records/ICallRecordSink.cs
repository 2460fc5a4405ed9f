namespace Softswitch.Calls.Records;

/// <summary>
/// Where a finished call leaves its record (the host stores it as a row of <c>calls</c>). Called once per call when it
/// is released, from the call's own flow; must not block (queue and return).
/// </summary>
public interface ICallRecordSink
{
    /// <summary>The call is over: <paramref name="record"/> says what happened.</summary>
    void Add(CallRecord record);
}
