using Softswitch.Sip.Dialogs;

namespace Softswitch.Calls.Signalling;

/// <summary>What the switch tells peers it can do (OPTIONS, 405 Allow, 420 Unsupported).</summary>
public static class SipServices
{
    /// <summary>Methods we answer. INVITE is answered (480 until call control arrives), so it is listed.</summary>
    public const string Allow = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO, UPDATE, REFER, NOTIFY, PRACK, SUBSCRIBE";

    /// <summary>Event packages we serve as a notifier (RFC 6665 §8.2.2): the dialog package for busy-lamp fields (RFC 4235).</summary>
    public const string AllowEvents = "dialog";

    public const string Accept = "application/sdp";

    /// <summary>
    /// Option tags we implement, listed in OPTIONS' Supported and accepted in Require (else 420): replaces (RFC 3891)
    /// and timer (RFC 4028), as the INVITE sessions' <see cref="InviteSessionOptions.DefaultSupported"/> says. Not
    /// 100rel: only calling sessions PRACK, an answering session sends no reliable provisional (RFC 3262 §3).
    /// </summary>
    public static readonly IReadOnlySet<string> SupportedOptionTags = new HashSet<string>(
        InviteSessionOptions.DefaultSupported.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);
}
