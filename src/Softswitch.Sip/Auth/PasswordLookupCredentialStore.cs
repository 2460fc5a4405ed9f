namespace Softswitch.Sip.Auth;

/// <summary>Adapts a plain password lookup (username → password or null) to <see cref="ICredentialStore"/>.</summary>
internal sealed class PasswordLookupCredentialStore(Func<string, string?> passwordLookup) : ICredentialStore
{
    public DigestSecret? FindSecret(string username, string realm) =>
        passwordLookup(username) is { } password ? DigestSecret.FromPassword(password) : null;
}
