using System.Buffers;

namespace Softswitch.Sip.Messages;

/// <summary>
/// Serialises messages to bytes. Header values are written unfolded, known headers with their canonical long
/// name, and Content-Length is always written last from the actual body length (§20.14), so a parsed message
/// written back re-parses equal.
/// </summary>
public static class SipMessageWriter
{
    public static int GetLength(SipMessage message) => Measure(message);

    public static byte[] ToBytes(SipMessage message) => ToBytesCore(message);

    public static int Write(SipMessage message, IBufferWriter<byte> writer) => WriteCore(message, writer);

    /// <summary>False (nothing usable written) when <paramref name="destination"/> is too small; see <see cref="GetLength"/>.</summary>
    public static bool TryWrite(SipMessage message, Span<byte> destination, out int written) =>
        TryWriteCore(message, destination, out written);

    internal static int Measure(ISipRenderable renderable)
    {
        var output = SipOutput.Measure();
        renderable.Render(ref output);
        return output.Length;
    }

    // Rendering costs more than copying (a builder's URIs and name-addresses become strings on the way), so a message
    // is rendered once into this thread's scratch buffer and copied out, not measured by a first rendering.
    [ThreadStatic]
    private static byte[]? t_scratch;

    // A thread keeps a larger scratch buffer after a longer message, up to this size.
    internal static byte[] ToBytesCore(ISipRenderable renderable)
    {
        var scratch = t_scratch ??= new byte[4096];
        var output = SipOutput.Into(scratch);
        renderable.Render(ref output);
        if (!output.Overflowed) return scratch.AsSpan(0, output.Length).ToArray();

        // Longer than the scratch buffer: the overflowed rendering still counted the exact length.
        var bytes = new byte[output.Length];
        var exact = SipOutput.Into(bytes);
        renderable.Render(ref exact);
        if (bytes.Length > scratch.Length && bytes.Length <= MaxScratch) t_scratch = new byte[bytes.Length];
        return bytes;
    }

    private const int MaxScratch = 64 * 1024;

    internal static int WriteCore(ISipRenderable renderable, IBufferWriter<byte> writer)
    {
        var length = Measure(renderable);
        var output = SipOutput.Into(writer.GetSpan(length));
        renderable.Render(ref output);
        writer.Advance(length);
        return length;
    }

    internal static bool TryWriteCore(ISipRenderable renderable, Span<byte> destination, out int written)
    {
        var output = SipOutput.Into(destination);
        renderable.Render(ref output);
        written = output.Overflowed ? 0 : output.Length;
        return !output.Overflowed;
    }

    /// <summary>Writes headers in original order minus Content-Length, then Content-Length, the blank line and the body.</summary>
    internal static void RenderParsed(SipMessage message, ref SipOutput output)
    {
        var buffer = message.Buffer;
        foreach (var entry in message.HeaderEntries)
        {
            if (entry.Id == SipHeaderId.ContentLength)
            {
                continue;
            }
            if (entry.Id == SipHeaderId.Extension)
            {
                output.Write(buffer[entry.Name]);
            }
            else
            {
                output.Write(SipHeaderNames.CanonicalName(entry.Id));
            }
            output.Write(": "u8);
            output.WriteUnfolded(buffer[entry.Value]);
            output.Write("\r\n"u8);
        }
        output.Write("Content-Length: "u8);
        output.Write(message.Body.Length);
        output.Write("\r\n\r\n"u8);
        output.Write(message.Body.Span);
    }
}
