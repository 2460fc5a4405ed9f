using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Security;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Stack;

/// <summary>
/// Digest authentication of a request from one of our extensions (RFC 3261 §22, RFC 7616/8760), the one gate for
/// REGISTER (401, the user of To must match) and INVITE (407 by default, the user of From must match): no credentials
/// → a challenge per algorithm; a right password with a stale nonce → the same challenge with stale=true; a wrong
/// password, an unknown user, or another extension's credentials → 403, never service. 403 rather than a new challenge
/// because a phone with a wrong password would only retry in a loop; an unknown user gets exactly what a wrong password
/// gets (no enumeration); each 403 counts against the source address in the <see cref="SourceGuard"/>. A 407 goes in the INVITE's own transaction, so the caller's ACK for it is absorbed there,
/// and the retry comes as a new INVITE with CSeq + 1. Thread-safe.
/// </summary>
public sealed class RequestAuthenticator
{
    private readonly DigestAuthenticator _authenticator;
    private readonly ICredentialStore _credentials;
    private readonly RequestAuthenticatorOptions _options;
    private readonly SourceGuard? _guard;

    /// <param name="guard">Told of every 403 (wrong password, unknown user), so that a guessing address gets banned.</param>
    public RequestAuthenticator(DigestAuthenticator authenticator, ICredentialStore credentials, RequestAuthenticatorOptions options,
        SourceGuard? guard = null)
    {
        _authenticator = authenticator;
        _credentials = credentials;
        _options = options;
        _guard = guard;
    }

    /// <summary>Checks an INVITE's credentials against its From user; unless the result is Authenticated, it has been answered.</summary>
    public RequestAuthentication Authenticate(ServerTransaction invite) =>
        Authenticate(invite, invite.Request.From.Uri.User, _options.UseProxyAuthenticate);

    /// <summary>
    /// Checks the credentials of <paramref name="transaction"/>'s request for <paramref name="extension"/>, challenging
    /// with 407 Proxy-Authenticate or 401 WWW-Authenticate; unless the result is Authenticated, the request has been answered.
    /// </summary>
    public RequestAuthentication Authenticate(ServerTransaction transaction, string? extension, bool proxyChallenge)
    {
        var request = transaction.Request;
        if (_guard is { } guard && guard.IsBanned(transaction.Source.Address.Address))
        {
            // Queued before the ban began (a pipelining guesser): refused unread, so even the right password gets 403.
            transaction.Respond(403, toTag: SipIds.NewTag());
            return new RequestAuthentication(RequestAuthenticationStatus.Forbidden, null, "source banned");
        }

        var credentials = FindOurCredentials(request);
        if (credentials is null)
        {
            Challenge(transaction, stale: false, proxyChallenge);
            return new RequestAuthentication(RequestAuthenticationStatus.Challenged, null, "no credentials for our realm");
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
                return new RequestAuthentication(RequestAuthenticationStatus.Authenticated, extension, "");
            case DigestVerificationStatus.Stale:
                Challenge(transaction, stale: true, proxyChallenge);
                return new RequestAuthentication(RequestAuthenticationStatus.Challenged, null, verification.Reason.ToString());
            default:
                _guard?.OnAuthFailed(transaction.Source.Address.Address); // first: the ban holds before the guesser hears the 403
                transaction.Respond(403, toTag: SipIds.NewTag());
                var detail = verification.IsOk ? $"credentials of {verification.Username} for {extension}" : $"{verification.Reason} (as {credentials.Username})";
                return new RequestAuthentication(RequestAuthenticationStatus.Forbidden, null, detail);
        }
    }

    /// <summary>
    /// A new INVITE or REGISTER (no To tag) without credentials for our realm is challenged here, before any
    /// transaction exists: the 407/401 goes out once, no 100 Trying before it and no Timer G retransmitting it
    /// (so the switch is no amplifier); a retransmitted request gets a fresh challenge the same way. Its To tag is the
    /// one the call's 2xx will carry (<see cref="ToTags"/>), so a late copy that reaches the phone after the 200 still
    /// names the dialog. The ACK for it matches no transaction and no session's CSeq, and is dropped as a stray.
    /// False for anything else, which goes to the transaction layer as before.
    /// </summary>
    public bool TryChallengeStatelessly(SipRequest request, SipEndPoint source, out byte[] response)
    {
        response = [];
        var proxyChallenge = request.Method switch
        {
            SipMethod.Invite => _options.UseProxyAuthenticate,
            SipMethod.Register when !string.IsNullOrEmpty(request.To.Uri.User) => false,
            _ => (bool?)null,
        };
        if (proxyChallenge is not { } proxy || request.To.Tag is not null || FindOurCredentials(request) is not null) return false;

        var (status, header) = ChallengeKind(proxy);
        var builder = SipResponseBuilder.For(request, status).WithReceivedFrom(source.Address)
            .WithToTag(ToTags.For(request));
        foreach (var challenge in _authenticator.CreateChallenges(_options.Realm)) builder.AddHeader(header, challenge);
        response = builder.AddHeader("Server", SipServer.Name).ToBytes();
        return true;
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

    private void Challenge(ServerTransaction transaction, bool stale, bool proxyChallenge)
    {
        var (status, header) = ChallengeKind(proxyChallenge);
        var challenges = _authenticator.CreateChallenges(_options.Realm, stale);
        // The tag the 2xx will carry: a late copy of this challenge must not name another dialog (see ToTags).
        transaction.Respond(status, toTag: ToTags.For(transaction.Request), headers: challenges.Select(c => new KeyValuePair<string, string>(header, c)).ToList());
    }

    private static (int Status, string Header) ChallengeKind(bool proxyChallenge) =>
        proxyChallenge ? (407, "Proxy-Authenticate") : (401, "WWW-Authenticate");
}
