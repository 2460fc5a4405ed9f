using System.Runtime.InteropServices;

namespace Softswitch.Media.Codecs;

/// <summary>Owns a native <c>OpusDecoder*</c> and destroys it exactly once.</summary>
internal sealed class OpusDecoderHandle : SafeHandle
{
    /// <summary>Used by the P/Invoke marshaller when <c>opus_decoder_create</c> returns.</summary>
    public OpusDecoderHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        OpusNative.DecoderDestroy(handle);
        return true;
    }
}
