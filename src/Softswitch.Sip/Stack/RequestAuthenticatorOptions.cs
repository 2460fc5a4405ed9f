namespace Softswitch.Sip.Stack;

/// <summary>How <see cref="RequestAuthenticator"/> challenges callers.</summary>
public sealed record RequestAuthenticatorOptions
{
    /// <summary>The digest realm, usually the SIP domain; the same one REGISTER uses so phones reuse their credentials.</summary>
    public required string Realm { get; init; }

    /// <summary>
    /// 407 with Proxy-Authenticate (true, the default: what PBXes send and what sipp's and most phones' INVITE flows
    /// expect) or 401 with WWW-Authenticate (false, the strict UAS form of §22.3).
    /// </summary>
    public bool UseProxyAuthenticate { get; init; } = true;
}
