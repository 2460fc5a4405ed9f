namespace Softswitch.Calls.Supervision;

/// <summary>A call's place under the limits; disposing it (once, whoever does) gives the place back.</summary>
public sealed class CallAdmissionTicket : IDisposable
{
    private readonly CallAdmission _admission;
    private readonly string? _extension;
    private int _released;

    internal CallAdmissionTicket(CallAdmission admission, string? extension)
    {
        _admission = admission;
        _extension = extension;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _admission.Release(_extension);
    }
}
