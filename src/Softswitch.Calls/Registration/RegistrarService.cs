using System.Globalization;
using Microsoft.Extensions.Logging;
using Softswitch.Calls.Signalling;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Registration;

/// <summary>
/// Serves REGISTER (RFC 3261 §10.3): the Request-URI must name us, the phone proves its password with digest
/// (RFC 7616/8760), then the bindings change and the 200 OK lists every current contact with its expiry.
/// An unknown extension and a wrong password get the same challenge and the same 403, so nobody can find
/// out which extensions exist.
/// </summary>
public sealed partial class RegistrarService
{
    private readonly SipRegistrar _registrar;
    private readonly RequestAuthenticator _authenticator;
    private readonly LocalDomain _domain;
    private readonly IRegistrationObserver _observer;
    private readonly TimeProvider _time;
    private readonly ILogger<RegistrarService> _logger;

    public RegistrarService(SipRegistrar registrar, RequestAuthenticator authenticator, LocalDomain domain,
        IRegistrationObserver observer, TimeProvider time, ILogger<RegistrarService> logger)
    {
        _registrar = registrar;
        _authenticator = authenticator;
        _domain = domain;
        _observer = observer;
        _time = time;
        _logger = logger;
    }

    public void Handle(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!request.RequestUri.IsSip || !_domain.IsOurs(request.RequestUri.Host))
        {
            transaction.Respond(404, "Domain Not Served Here"); // §10.3 step 1
            return;
        }

        var extension = request.To.Uri.User;
        if (string.IsNullOrEmpty(extension))
        {
            transaction.Respond(400, "To Header Names No Extension");
            return;
        }

        if (!Authenticate(transaction, extension)) return;

        var outcome = _registrar.Apply(ToRegisterRequest(transaction, extension));
        var headers = new List<KeyValuePair<string, string>>(outcome.Bindings.Count + 2);
        foreach (var current in outcome.Bindings)
        {
            headers.Add(new("Contact", ContactOf(current)));
        }

        if (outcome.MinExpires is { } minExpires) headers.Add(new("Min-Expires", minExpires.ToString(CultureInfo.InvariantCulture)));
        headers.Add(new("Date", _time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture)));
        transaction.Respond(outcome.StatusCode, outcome.ReasonPhrase, toTag: SipIds.NewTag(), headers: headers);
        LogRegistered(request.CallId, extension, outcome.StatusCode, outcome.Bindings.Count, transaction.Source.ToString(), outcome.Detail ?? "");
    }

    /// <summary>
    /// A binding as the 200 OK lists it (§10.3 step 8): the contact exactly as the phone sent it (phones look for their own
    /// URI there), its expiry, and for a phone behind NAT the address the registrar will reach it at, as a <c>received</c>
    /// parameter (the form SIP registrars use for it), so the phone and a trace show what was stored.
    /// </summary>
    private static string ContactOf(CurrentBinding current)
    {
        var binding = current.Binding;
        var contact = $"<{binding.ContactUri}>;expires={current.ExpiresInSeconds.ToString(CultureInfo.InvariantCulture)}";
        if (!ContactReachability.IsBehindNat(binding)) return contact;
        var source = binding.Source;
        var transport = source.Transport == SipTransportKind.Tcp ? ";transport=tcp" : "";
        return $"{contact};received=\"sip:{source.Address}{transport}\"";
    }

    /// <summary>True when the request carries valid credentials for <paramref name="extension"/>; otherwise it has been answered.</summary>
    private bool Authenticate(ServerTransaction transaction, string extension)
    {
        var result = _authenticator.Authenticate(transaction, extension, proxyChallenge: false);
        if (result.Status == RequestAuthenticationStatus.Forbidden)
        {
            var request = transaction.Request;
            _observer.OnRegistrationEvent(new RegistrationEvent(extension, request.Contacts.FirstOrDefault()?.Uri.ToString(),
                transaction.Source, request.UserAgent, _time.GetUtcNow(), RegistrationEventKind.AuthFailed, result.Detail, request.CallId));
            LogAuthFailed(request.CallId, extension, transaction.Source.ToString(), result.Detail);
        }

        return result.IsAuthenticated;
    }

    private static RegisterRequest ToRegisterRequest(ServerTransaction transaction, string extension)
    {
        var request = transaction.Request;
        var isStar = request.Contacts.Any(c => c.IsStar);
        var contacts = request.Contacts.Where(c => !c.IsStar)
            .Select(c => new RegisterContact(c.Uri.ToString(), c.Expires, c.Parameters["+sip.instance"],
                int.TryParse(c.Parameters["reg-id"], NumberStyles.None, CultureInfo.InvariantCulture, out var regId) ? regId : null))
            .ToList();
        return new RegisterRequest(extension, request.CallId, request.CSeq.Number, isStar, contacts, request.Expires,
            transaction.Source, request.UserAgent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: REGISTER {Extension} -> {StatusCode}, {BindingCount} binding(s), from {Source} {Detail}")]
    private partial void LogRegistered(string callId, string extension, int statusCode, int bindingCount, string source, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: REGISTER {Extension} refused from {Source}: {Reason}")]
    private partial void LogAuthFailed(string callId, string extension, string source, string reason);
}
