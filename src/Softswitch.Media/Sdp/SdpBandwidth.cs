namespace Softswitch.Media.Sdp;

/// <summary>A <c>b=&lt;bwtype&gt;:&lt;bandwidth&gt;</c> line (RFC 8866 §5.8), e.g. <c>b=AS:64</c> (kilobits per second).</summary>
public sealed record SdpBandwidth(string Type, ulong Value)
{
    /// <summary>The text after <c>b=</c>.</summary>
    public override string ToString() => $"{Type}:{Value}";
}
