using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// Digest authentication of an INVITE from one of our extensions (RFC 3261 §22.3, RFC 7616/8760), as the registrar
/// does for REGISTER: no credentials → 407 Proxy-Authenticate (or 401 WWW-Authenticate) with one challenge per
/// algorithm; a right password with a stale nonce → the same challenge with stale=true; a wrong password, an unknown
/// user, or another extension's credentials than the From user → 403, never a call. 403 rather than a new challenge
/// because a phone with a wrong password would only retry in a loop, and the registrar answers the same way.
/// The 407 goes in the INVITE's own transaction, so the caller's ACK for it is absorbed there, and the retry comes
/// as a new INVITE with CSeq + 1. Thread-safe.
/// </summary>
public sealed class InviteAuthenticator
{
    private readonly DigestAuthenticator _authenticator;
    private readonly ICredentialStore _credentials;
    private readonly InviteAuthenticatorOptions _options;

    public InviteAuthenticator(DigestAuthenticator authenticator, ICredentialStore credentials, InviteAuthenticatorOptions options)
    {
        _authenticator = authenticator;
        _credentials = credentials;
        _options = options;
    }

    /// <summary>Checks the INVITE's credentials; unless the result is Authenticated, the INVITE has been answered.</summary>
    public InviteAuthentication Authenticate(ServerTransaction invite)
    {
        var request = invite.Request;
        var extension = request.From.Uri.User;
        var credentials = FindOurCredentials(request);
        if (credentials is null)
        {
            Challenge(invite, stale: false);
            return new InviteAuthentication(InviteAuthenticationStatus.Challenged, null, "no credentials for our realm");
        }

        // The digest covers the uri the phone wrote; it must name the same resource as the Request-URI (§19.1.4).
        var requestUri = SipUri.TryParse(credentials.Uri, out var digestUri) && digestUri!.Equals(request.RequestUri)
            ? credentials.Uri
            : request.RequestUri.ToString();
        var verification = _authenticator.Verify(request.MethodName, requestUri, credentials, _options.Realm, _credentials);
        switch (verification.Status)
        {
            case DigestVerificationStatus.Ok when !string.IsNullOrEmpty(extension)
                                                 && string.Equals(verification.Username, extension, StringComparison.Ordinal):
                return new InviteAuthentication(InviteAuthenticationStatus.Authenticated, extension, "");
            case DigestVerificationStatus.Stale:
                Challenge(invite, stale: true);
                return new InviteAuthentication(InviteAuthenticationStatus.Challenged, null, verification.Reason.ToString());
            default:
                invite.Respond(403, toTag: SipIds.NewTag());
                var detail = verification.IsOk ? $"credentials of {verification.Username} for From {extension}" : verification.Reason.ToString();
                return new InviteAuthentication(InviteAuthenticationStatus.Forbidden, null, detail);
        }
    }

    private DigestCredentials? FindOurCredentials(SipRequest request)
    {
        // Proxy-Authorization answers a 407, Authorization a 401; accept either whatever we challenged with.
        foreach (var id in new[] { SipHeaderId.ProxyAuthorization, SipHeaderId.Authorization })
        {
            foreach (var value in request.GetHeaderValues(id))
            {
                if (DigestCredentials.TryParse(value, out var credentials) && string.Equals(credentials.Realm, _options.Realm, StringComparison.Ordinal))
                {
                    return credentials;
                }
            }
        }

        return null;
    }

    private void Challenge(ServerTransaction invite, bool stale)
    {
        var (status, header) = _options.UseProxyAuthenticate ? (407, "Proxy-Authenticate") : (401, "WWW-Authenticate");
        var challenges = _authenticator.CreateChallenges(_options.Realm, stale);
        invite.Respond(status, toTag: SipIds.NewTag(), headers: challenges.Select(c => new KeyValuePair<string, string>(header, c)).ToList());
    }
}
