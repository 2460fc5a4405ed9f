using System.Buffers.Text;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// Writes message bytes into a span, or only counts them when measuring, so every writer path sizes its
/// buffer exactly once and never copies twice.
/// </summary>
internal ref struct SipOutput
{
    private readonly Span<byte> _destination;
    private readonly bool _measureOnly;

    private SipOutput(Span<byte> destination, bool measureOnly)
    {
        _destination = destination;
        _measureOnly = measureOnly;
        Length = 0;
        Overflowed = false;
    }

    public int Length { get; private set; }
    public bool Overflowed { get; private set; }

    public static SipOutput Measure() => new(default, true);

    public static SipOutput Into(Span<byte> destination) => new(destination, false);

    public void Write(scoped ReadOnlySpan<byte> bytes)
    {
        if (!_measureOnly)
        {
            if (Length + bytes.Length > _destination.Length)
            {
                Overflowed = true;
            }
            else
            {
                bytes.CopyTo(_destination[Length..]);
            }
        }
        Length += bytes.Length;
    }

    public void Write(string text)
    {
        if (_measureOnly)
        {
            Length += Encoding.UTF8.GetByteCount(text);
            return;
        }
        if (!Overflowed && Encoding.UTF8.TryGetBytes(text, _destination[Length..], out var written))
        {
            Length += written;
            return;
        }
        Overflowed = true;
        Length += Encoding.UTF8.GetByteCount(text);
    }

    public void Write(int value)
    {
        Span<byte> digits = stackalloc byte[11];
        Utf8Formatter.TryFormat(value, digits, out var n);
        Write(digits[..n]);
    }

    public void Write(uint value)
    {
        Span<byte> digits = stackalloc byte[10];
        Utf8Formatter.TryFormat(value, digits, out var n);
        Write(digits[..n]);
    }

    /// <summary>Writes a header value, turning folded line breaks into single spaces (§7.3.1) so output never folds.</summary>
    public void WriteUnfolded(scoped ReadOnlySpan<byte> value)
    {
        while (true)
        {
            var lineBreak = value.IndexOfAny((byte)'\r', (byte)'\n');
            if (lineBreak < 0)
            {
                Write(value);
                return;
            }
            var before = value[..lineBreak];
            while (!before.IsEmpty && before[^1] is (byte)' ' or (byte)'\t')
            {
                before = before[..^1];
            }
            Write(before);
            Write(" "u8);
            var next = lineBreak;
            while (next < value.Length && SipText.IsLws(value[next]))
            {
                next++;
            }
            value = value[next..];
        }
    }

    public void WriteHeader(scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value)
    {
        Write(name);
        Write(": "u8);
        WriteUnfolded(value);
        Write("\r\n"u8);
    }
}
