namespace Softswitch.Sip.Stack;

/// <summary>The outcome of <see cref="RequestAuthenticator.Authenticate"/>.</summary>
public enum RequestAuthenticationStatus
{
    /// <summary>Valid credentials of the extension in From: go on with the call.</summary>
    Authenticated,
    /// <summary>No usable credentials, or a stale nonce: a 407/401 challenge was sent.</summary>
    Challenged,
    /// <summary>Wrong credentials, or credentials of another extension: 403 was sent.</summary>
    Forbidden,
}
