using System.Collections;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// An ordered list of parameters with case-insensitive names (§7.3.1: parameter names are case-insensitive).
/// Immutable once parsed; builders use <see cref="With"/> to derive a changed copy.
/// </summary>
public sealed class SipParameters : IReadOnlyList<SipParameter>
{
    private readonly SipParameter[] _items;

    /// <summary>No parameters.</summary>
    public static SipParameters Empty { get; } = new([]);

    public SipParameters(IEnumerable<SipParameter> items)
    {
        _items = items.ToArray();
    }

    private SipParameters(SipParameter[] items, bool _)
    {
        _items = items;
    }

    public int Count => _items.Length;

    public SipParameter this[int index] => _items[index];

    /// <summary>The value of the first parameter named <paramref name="name"/>; null if absent or a flag.</summary>
    public string? this[string name] => TryGetValue(name, out var value) ? value : null;

    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>True when present; <paramref name="value"/> is null for a flag parameter.</summary>
    public bool TryGetValue(string name, out string? value)
    {
        var index = IndexOf(name);
        value = index >= 0 ? _items[index].Value : null;
        return index >= 0;
    }

    /// <summary>A copy with <paramref name="name"/> set (replaced in place if present, appended otherwise).</summary>
    public SipParameters With(string name, string? value)
    {
        var index = IndexOf(name);
        var copy = index >= 0 ? (SipParameter[])_items.Clone() : [.. _items, default];
        copy[index >= 0 ? index : copy.Length - 1] = new SipParameter(name, value);
        return new SipParameters(copy, true);
    }

    /// <summary>A copy without parameters named <paramref name="name"/>.</summary>
    public SipParameters Without(string name) =>
        new(_items.Where(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToArray(), true);

    public IEnumerator<SipParameter> GetEnumerator() => ((IEnumerable<SipParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes <c>;name=value</c> for each parameter.</summary>
    public void AppendTo(StringBuilder sb)
    {
        foreach (var p in _items)
        {
            sb.Append(';').Append(p.Name);
            if (p.Value is not null)
            {
                sb.Append('=').Append(p.Value);
            }
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        AppendTo(sb);
        return sb.ToString();
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Header parameters (generic-param); quoted values keep their quotes so they write back unchanged.</summary>
    internal static SipParameters ParseHeaderParameters(ReadOnlySpan<byte> text)
    {
        if (SipText.TrimLws(text).IsEmpty)
        {
            return Empty;
        }
        // Count first so the array is allocated once at its final size.
        var count = 0;
        var counter = new SipParameterScanner(text);
        while (counter.MoveNext())
        {
            count++;
        }
        var items = new SipParameter[count];
        var scanner = new SipParameterScanner(text);
        for (var i = 0; i < count && scanner.MoveNext(); i++)
        {
            items[i] = new SipParameter(WellKnownName(scanner.Name), scanner.HasValue ? SipText.Decode(scanner.Value) : null);
        }
        return new SipParameters(items, true);
    }

    /// <summary>Interned names for the parameters every message carries, so reading them does not allocate.</summary>
    private static string WellKnownName(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 when name.SequenceEqual("tag"u8) => "tag",
        5 when name.SequenceEqual("rport"u8) => "rport",
        6 when name.SequenceEqual("branch"u8) => "branch",
        7 when name.SequenceEqual("expires"u8) => "expires",
        8 when name.SequenceEqual("received"u8) => "received",
        _ => SipText.Decode(name),
    };

    /// <summary>URI parameters (<c>;a=b;c</c>, no LWS); names and values are %-unescaped.</summary>
    internal static SipParameters ParseUriParameters(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return Empty;
        }
        var count = 0;
        foreach (var range in text.Split((byte)';'))
        {
            count += text[range].IsEmpty ? 0 : 1;
        }
        var items = new SipParameter[count];
        var i = 0;
        foreach (var range in text.Split((byte)';'))
        {
            var part = text[range];
            if (part.IsEmpty)
            {
                continue;
            }
            var eq = part.IndexOf((byte)'=');
            items[i++] = eq < 0
                ? new SipParameter(part.SequenceEqual("lr"u8) ? "lr" : SipEscaping.Unescape(part), null)
                : new SipParameter(SipEscaping.Unescape(part[..eq]), SipEscaping.Unescape(part[(eq + 1)..]));
        }
        return new SipParameters(items, true);
    }
}
