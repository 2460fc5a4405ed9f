using System.Runtime.InteropServices;

namespace Softswitch.Media.Codecs;

/// <summary>
/// Probes once whether libopus can be loaded. When it cannot, the switch simply does not offer Opus; logging that
/// fact once is the caller's job. Never throws.
/// </summary>
public static class OpusLibrary
{
    private static readonly Lazy<string?> LoadedVersion = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when libopus (<c>libopus.so.0</c>) loaded and exports the functions we call.</summary>
    public static bool IsAvailable => LoadedVersion.Value is not null;

    /// <summary>The library's own version string (e.g. <c>libopus 1.4</c>), or null when unavailable.</summary>
    public static string? Version => LoadedVersion.Value;

    private static string? Probe()
    {
        if (!NativeLibrary.TryLoad(OpusNative.LibraryName, out IntPtr library))
        {
            return null;
        }

        string[] required = ["opus_encoder_create", "opus_encode", "opus_encoder_ctl", "opus_decoder_create", "opus_decode"];
        foreach (string export in required)
        {
            if (!NativeLibrary.TryGetExport(library, export, out _))
            {
                return null;
            }
        }

        try
        {
            return Marshal.PtrToStringAnsi(OpusNative.GetVersionString()) ?? "libopus";
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}
