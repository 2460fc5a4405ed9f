namespace Softswitch.Sip.Dialogs;

/// <summary>The user name and password a calling session answers a digest challenge with (RFC 3261 §22.2).</summary>
public sealed record DigestLogin(string Username, string Password)
{
    /// <summary>Keeps the password out of logs.</summary>
    public override string ToString() => $"DigestLogin({Username})";
}
