namespace Softswitch.Sip.Auth;

/// <summary>Looks up a user's secret for digest verification. Implemented by the host over its configured extensions.</summary>
public interface ICredentialStore
{
    /// <summary>The secret of <paramref name="username"/> in <paramref name="realm"/>, or null when there is no such user.</summary>
    DigestSecret? FindSecret(string username, string realm);
}
