namespace Softswitch.Calls.Presence;

/// <summary>How the dialog-event notifier grants subscriptions and names itself in Contact and Via.</summary>
public sealed record DialogSubscriptionOptions
{
    /// <summary>Shorter requested non-zero intervals get 423 with Min-Expires (RFC 6665 §4.2.1.1).</summary>
    public int MinExpires { get; init; } = 60;

    /// <summary>Longer requested intervals are shortened to this.</summary>
    public int MaxExpires { get; init; } = 3600;

    /// <summary>Granted when the SUBSCRIBE has no Expires: RFC 4235 §3.2 suggests 3600 s.</summary>
    public int DefaultExpires { get; init; } = 3600;

    /// <summary>The domain of the watched AOR in the dialog-info <c>entity</c> (<c>sip:1001@DOMAIN</c>).</summary>
    public string Domain { get; init; } = "softswitch.local";

    /// <summary>The host (address or name) subscribers reach us at, written in Via and Contact.</summary>
    public string LocalHost { get; init; } = "127.0.0.1";

    /// <summary>The SIP port subscribers reach us at.</summary>
    public int LocalPort { get; init; } = 5060;
}
