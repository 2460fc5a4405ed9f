using System.Runtime.InteropServices;

namespace Softswitch.Media.Codecs;

/// <summary>
/// P/Invoke declarations for libopus. Spans cross as <c>ref</c> to their first element, which the runtime pins for
/// the duration of the call, so no unsafe code is needed. Callers guarantee spans are non-empty.
/// </summary>
internal static class OpusNative
{
    /// <summary>The Debian/Ubuntu runtime package (<c>libopus0</c>) ships only the versioned name.</summary>
    public const string LibraryName = "libopus.so.0";

    public const int Ok = 0;
    public const int ApplicationVoip = 2048;
    public const int SetBitrateRequest = 4002;
    public const int SetComplexityRequest = 4010;
    public const int SetInbandFecRequest = 4012;
    public const int SetPacketLossPercentRequest = 4014;
    public const int SetSignalRequest = 4024;
    public const int SignalVoice = 3001;

    [DllImport(LibraryName, EntryPoint = "opus_get_version_string")]
    public static extern IntPtr GetVersionString();

    [DllImport(LibraryName, EntryPoint = "opus_encoder_create")]
    public static extern OpusEncoderHandle EncoderCreate(int sampleRate, int channels, int application, out int error);

    [DllImport(LibraryName, EntryPoint = "opus_encoder_destroy")]
    public static extern void EncoderDestroy(IntPtr encoder);

    // opus_encoder_ctl is variadic. On the System V x86-64 and AArch64 Linux ABIs an int passed through "..." travels
    // exactly like a fixed int argument, so a fixed three-argument signature is safe on the Linux targets we support.
    [DllImport(LibraryName, EntryPoint = "opus_encoder_ctl")]
    public static extern int EncoderCtl(OpusEncoderHandle encoder, int request, int value);

    [DllImport(LibraryName, EntryPoint = "opus_encode")]
    public static extern int Encode(OpusEncoderHandle encoder, ref short pcm, int frameSize, ref byte data, int maxDataBytes);

    [DllImport(LibraryName, EntryPoint = "opus_decoder_create")]
    public static extern OpusDecoderHandle DecoderCreate(int sampleRate, int channels, out int error);

    [DllImport(LibraryName, EntryPoint = "opus_decoder_destroy")]
    public static extern void DecoderDestroy(IntPtr decoder);

    [DllImport(LibraryName, EntryPoint = "opus_decode")]
    public static extern int Decode(OpusDecoderHandle decoder, ref byte data, int length, ref short pcm, int frameSize, int decodeFec);

    /// <summary>opus_decode with a null packet: the decoder runs its packet loss concealment.</summary>
    [DllImport(LibraryName, EntryPoint = "opus_decode")]
    public static extern int DecodeMissing(OpusDecoderHandle decoder, IntPtr data, int length, ref short pcm, int frameSize, int decodeFec);
}
