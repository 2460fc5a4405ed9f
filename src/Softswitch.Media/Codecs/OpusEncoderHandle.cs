using System.Runtime.InteropServices;

namespace Softswitch.Media.Codecs;

/// <summary>Owns a native <c>OpusEncoder*</c> and destroys it exactly once.</summary>
internal sealed class OpusEncoderHandle : SafeHandle
{
    /// <summary>Used by the P/Invoke marshaller when <c>opus_encoder_create</c> returns.</summary>
    public OpusEncoderHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        OpusNative.EncoderDestroy(handle);
        return true;
    }
}
