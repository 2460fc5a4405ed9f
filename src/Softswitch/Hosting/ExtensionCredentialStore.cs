using Softswitch.Extensions;
using Softswitch.Sip.Auth;

namespace Softswitch.Hosting;

/// <summary>Digest secrets from the configured extensions; each lookup reads the current (reloadable) snapshot.</summary>
internal sealed class ExtensionCredentialStore(IExtensionDirectory extensions) : ICredentialStore
{
    public DigestSecret? FindSecret(string username, string realm) =>
        extensions.TryGet(username, out var extension) ? DigestSecret.FromPassword(extension.Password) : null;
}
