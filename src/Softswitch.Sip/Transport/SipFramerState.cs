namespace Softswitch.Sip.Transport;

/// <summary>
/// Where <see cref="SipStreamFramer"/> left off in the current frame, so bytes already searched are
/// not searched again when more arrive. Starts as <c>default</c>; the framer resets it after each frame.
/// All offsets count from the first byte of the current frame, so the caller may move that frame
/// to the front of its buffer between calls.
/// </summary>
public struct SipFramerState
{
    /// <summary>Bytes already searched for the CRLFCRLF that ends the header block.</summary>
    internal int ScannedLength;

    /// <summary>Header block plus body, once the header block was found; 0 before.</summary>
    internal int MessageLength;

    /// <summary>Why framing failed, valid after <see cref="SipFrameResult.Error"/>.</summary>
    public SipFramingError Error { get; internal set; }

    /// <summary>True once the header block ended and only the body is awaited.</summary>
    public readonly bool HeaderComplete => MessageLength > 0;
}
