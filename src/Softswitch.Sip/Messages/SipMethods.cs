namespace Softswitch.Sip.Messages;

/// <summary>
/// Maps method tokens to <see cref="SipMethod"/> and back. Method names are case-sensitive (§7.1):
/// "invite" is an extension method, not INVITE.
/// </summary>
public static class SipMethods
{
    private static readonly string[] s_names =
    [
        "", "INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "INFO", "PRACK", "UPDATE",
        "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH",
    ];

    /// <summary>The wire name of a known method; throws for <see cref="SipMethod.Unknown"/>, which has no single name.</summary>
    public static string ToName(SipMethod method) => method == SipMethod.Unknown
        ? throw new ArgumentException("An unknown method has no canonical name.", nameof(method))
        : s_names[(int)method];

    /// <summary>Identifies a method token (exact, case-sensitive match).</summary>
    public static SipMethod Parse(ReadOnlySpan<byte> token) => token.Length switch
    {
        3 when token.SequenceEqual("ACK"u8) => SipMethod.Ack,
        3 when token.SequenceEqual("BYE"u8) => SipMethod.Bye,
        4 when token.SequenceEqual("INFO"u8) => SipMethod.Info,
        5 when token.SequenceEqual("PRACK"u8) => SipMethod.Prack,
        5 when token.SequenceEqual("REFER"u8) => SipMethod.Refer,
        6 when token.SequenceEqual("INVITE"u8) => SipMethod.Invite,
        6 when token.SequenceEqual("CANCEL"u8) => SipMethod.Cancel,
        6 when token.SequenceEqual("UPDATE"u8) => SipMethod.Update,
        6 when token.SequenceEqual("NOTIFY"u8) => SipMethod.Notify,
        7 when token.SequenceEqual("OPTIONS"u8) => SipMethod.Options,
        7 when token.SequenceEqual("MESSAGE"u8) => SipMethod.Message,
        7 when token.SequenceEqual("PUBLISH"u8) => SipMethod.Publish,
        8 when token.SequenceEqual("REGISTER"u8) => SipMethod.Register,
        9 when token.SequenceEqual("SUBSCRIBE"u8) => SipMethod.Subscribe,
        _ => SipMethod.Unknown,
    };

    /// <summary>Identifies a method name given as text.</summary>
    public static SipMethod Parse(string name)
    {
        for (var i = 1; i < s_names.Length; i++)
        {
            if (string.Equals(s_names[i], name, StringComparison.Ordinal))
            {
                return (SipMethod)i;
            }
        }
        return SipMethod.Unknown;
    }

    /// <summary>The name of <paramref name="token"/>, interned for known methods so reading it does not allocate.</summary>
    internal static string NameOf(SipMethod method, ReadOnlySpan<byte> token) =>
        method == SipMethod.Unknown ? SipText.Decode(token) : s_names[(int)method];
}
