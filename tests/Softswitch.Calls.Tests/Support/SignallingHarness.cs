using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Calls.Registration;
using Softswitch.Calls.Signalling;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Tests.Support;

/// <summary>
/// The signalling layer without sockets: requests go into a real transaction layer, the real dispatcher and
/// registrar answer, and every response sent is parsed back for the test to read.
/// </summary>
internal sealed class SignallingHarness : ITransactionTransport, ITransactionUser, IRegistrationObserver, ICredentialStore, IAsyncDisposable
{
    public const string Realm = "softswitch.test";
    public static readonly SipEndPoint Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.5"), 40404));

    private readonly Dictionary<string, string> _passwords = new() { ["1001"] = "secret-1001", ["1002"] = "secret-1002" };
    private readonly List<SipResponse> _responses = [];
    private readonly SemaphoreSlim _responded = new(0);
    private readonly TransactionLayer _layer;
    private readonly SipRequestDispatcher _dispatcher;

    public SignallingHarness()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var options = new SignallingOptions { Domain = Realm, ListenAddresses = [IPAddress.Loopback], Workers = 1 };
        Nonces = new NonceManager(Time);
        var registrar = new SipRegistrar(new BindingStore(Time), new RegistrarOptions(), this);
        var authenticator = new RequestAuthenticator(new DigestAuthenticator(Nonces), this, new RequestAuthenticatorOptions { Realm = Realm });
        var service = new RegistrarService(registrar, authenticator, new LocalDomain(options), this, Time, NullLogger<RegistrarService>.Instance);
        _dispatcher = new SipRequestDispatcher(service, options, NullLogger<SipRequestDispatcher>.Instance);
        _layer = new TransactionLayer(Time, new TransactionTimerOptions(), this, _dispatcher, new TransactionMessageFactory());
        _dispatcher.Attach(_layer, this);
    }

    public FakeTimeProvider Time { get; }

    public NonceManager Nonces { get; }

    public List<RegistrationEvent> Events { get; } = [];

    public List<SipEndPoint> Destinations { get; } = [];

    /// <summary>Sends one request and waits for the first final response sent after it.</summary>
    public async Task<SipResponse> SendAsync(string request)
    {
        SipMessageParser.TryParse(Encoding.UTF8.GetBytes(request), out var message, out var error);
        Assert.That(message, Is.InstanceOf<SipRequest>(), error.ToString());
        int seen;
        lock (_responses) seen = _responses.Count;
        _layer.OnRequest((SipRequest)message!, Phone);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            lock (_responses)
            {
                var final = _responses.Skip(seen).FirstOrDefault(r => r.StatusCode >= 200);
                if (final is not null) return final;
            }

            await _responded.WaitAsync(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException("no final response within 5 s");
    }

    public void Send(ReadOnlyMemory<byte> message, SipEndPoint destination)
    {
        SipMessageParser.TryParse(message.Span, out var parsed, out _);
        lock (_responses)
        {
            _responses.Add((SipResponse)parsed!);
            Destinations.Add(destination);
        }

        _responded.Release();
    }

    public DigestSecret? FindSecret(string username, string realm) =>
        _passwords.TryGetValue(username, out var password) ? DigestSecret.FromPassword(password) : null;

    public void OnRegistrationEvent(RegistrationEvent registrationEvent)
    {
        lock (Events) Events.Add(registrationEvent);
    }

    // The dispatcher is the real transaction user; these forward to it.
    public void OnRequest(ServerTransaction transaction) => _dispatcher.OnRequest(transaction);
    public void OnAck(SipRequest ack, SipEndPoint source) => _dispatcher.OnAck(ack, source);
    public void OnResponse(ClientTransaction transaction, SipResponse response) => _dispatcher.OnResponse(transaction, response);
    public void OnTimeout(ClientTransaction transaction) => _dispatcher.OnTimeout(transaction);
    public void OnServerFailure(ServerTransaction transaction) => _dispatcher.OnServerFailure(transaction);
    public void OnStrayResponse(SipResponse response, SipEndPoint source) => _dispatcher.OnStrayResponse(response, source);

    public ValueTask DisposeAsync() => _dispatcher.DisposeAsync();
}
