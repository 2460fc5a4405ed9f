namespace Softswitch.Media.Tests.Recording;

/// <summary>A memory stream whose writes wait while the gate is closed: a disk that has stopped answering. ToArray works after dispose.</summary>
internal sealed class GatedStream : MemoryStream
{
    private readonly ManualResetEventSlim _open = new(initialState: true);

    /// <summary>Released each time a write starts waiting at the closed gate.</summary>
    public SemaphoreSlim WriterWaiting { get; } = new(0);

    public void CloseGate() => _open.Reset();

    public void OpenGate() => _open.Set();

    public override void Write(byte[] buffer, int offset, int count)
    {
        WaitForGate();
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        WaitForGate();
        base.Write(buffer);
    }

    private void WaitForGate()
    {
        if (!_open.IsSet)
        {
            WriterWaiting.Release();
            _open.Wait();
        }
    }
}
