using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Calls.Bridging;
using Softswitch.Calls.Features;
using Softswitch.Calls.Legs;
using Softswitch.Calls.Media;
using Softswitch.Calls.Registration;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Trunks;
using Softswitch.Calls.Signalling;
using Softswitch.Calls.Supervision;
using Softswitch.Media.Audio;
using Softswitch.Media.Clock;
using Softswitch.Media.Playback;
using Softswitch.Media.Tests.Rtp;
using Softswitch.Media.Rtp;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Tests.Support;

/// <summary>
/// The switch as the host wires it, minus the SIP socket: a real transaction layer, dispatcher, digest authentication,
/// dial plan and <see cref="CallServices"/> with real media (RTP ports on a free 127.0.0.1 range, a media clock on the
/// system clock, a prompt cache, temp sounds and recordings folders). SIP messages are fed in directly and everything
/// the switch sends is parsed and kept. Signalling runs on a <see cref="FakeTimeProvider"/>, so no retransmission or
/// timeout fires unless a test moves it; media is paced by the real clock.
/// </summary>
internal sealed class CallSwitch : ITransactionTransport, ITransactionUser, IRegistrationObserver, ICredentialStore, IAsyncDisposable
{
    public const string Domain = "softswitch.test";

    /// <summary>Where every phone's SIP comes from (phones tell their calls apart by Call-ID).</summary>
    public static readonly SipEndPoint PhoneSip = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5099));

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
    private const int PortPairs = 8;

    private readonly Dictionary<string, string> _passwords = new() { ["1001"] = "secret-1001", ["1002"] = "secret-1002", ["1003"] = "secret-1003" };
    private readonly List<SipMessage> _sent = [];
    private readonly SemaphoreSlim _sentSignal = new(0);
    private readonly TransactionLayer _layer;
    private readonly SipRequestDispatcher _dispatcher;
    private readonly MediaClock _clock;
    private readonly string _root;

    public CallSwitch(params DialPlanRoute[] routes)
        : this(NullLoggerFactory.Instance, new CallLimits(), routes)
    {
    }

    /// <summary>A switch whose calls log to <paramref name="loggers"/> and run under <paramref name="limits"/>.</summary>
    public CallSwitch(ILoggerFactory loggers, CallLimits limits, params DialPlanRoute[] routes)
        : this(loggers, limits, [], routes)
    {
    }

    /// <summary>A switch whose non-built-in routes (flows) are answered by <paramref name="applications"/>.</summary>
    public CallSwitch(ILoggerFactory loggers, CallLimits limits, IReadOnlyList<IRouteApplications> applications, params DialPlanRoute[] routes)
        : this(loggers, limits, applications, null, routes)
    {
    }

    /// <summary>A switch that serves the carriers of <paramref name="trunks"/> (their INVITEs: <see cref="Receive(string, SipEndPoint)"/> from their address).</summary>
    public CallSwitch(TrunkService trunks, params DialPlanRoute[] routes)
        : this(NullLoggerFactory.Instance, new CallLimits(), [], trunks, routes)
    {
    }

    /// <summary>A switch whose agent feature codes (*50-*53) go to <paramref name="agents"/>.</summary>
    public CallSwitch(IAgentStates agents, params DialPlanRoute[] routes)
        : this(NullLoggerFactory.Instance, new CallLimits(), [], null, routes, agents: agents)
    {
    }

    /// <summary>A switch whose applications' bridges dial the extensions of <paramref name="targets"/>.</summary>
    public CallSwitch(IReadOnlyList<IRouteApplications> applications, DialTargets targets, params DialPlanRoute[] routes)
        : this(NullLoggerFactory.Instance, new CallLimits(), applications, null, routes, targets)
    {
    }

    private CallSwitch(ILoggerFactory loggers, CallLimits limits, IReadOnlyList<IRouteApplications> applications, TrunkService? trunks,
        DialPlanRoute[] routes, DialTargets? targets = null, IAgentStates? agents = null)
    {
        _root = Directory.CreateTempSubdirectory("calls-tests-").FullName;
        SoundsFolder = Directory.CreateDirectory(Path.Combine(_root, "sounds")).FullName;
        RecordingsFolder = Directory.CreateDirectory(Path.Combine(_root, "recordings")).FullName;
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

        var first = FreeUdpPortRange.Find(2 * PortPairs);
        Ports = new RtpPortAllocator(first, first + (2 * PortPairs) - 1, IPAddress.Loopback);
        _clock = new MediaClock(TimeProvider.System, NullLogger<MediaClock>.Instance);
        _clock.Start();

        var options = new SignallingOptions { Domain = Domain, ListenAddresses = [IPAddress.Loopback], Workers = 2 };
        var nonces = new NonceManager(Time);
        var authenticator = new RequestAuthenticator(new DigestAuthenticator(nonces), this, new RequestAuthenticatorOptions { Realm = Domain });
        var registrar = new RegistrarService(new SipRegistrar(new BindingStore(Time), new RegistrarOptions(), this), authenticator,
            new LocalDomain(options), this, Time, NullLogger<RegistrarService>.Instance);
        var plan = new DialPlan(routes);
        var calls = new CallServices
        {
            Sessions = new SessionRouter(Time, new InviteSessionOptions { LocalHost = "127.0.0.1", LocalPort = 5060 }),
            Authenticator = authenticator,
            DialPlan = () => plan,
            Media = new CallMediaOptions
            {
                Ports = Ports,
                Address = IPAddress.Loopback,
                RecordingsFolder = RecordingsFolder,
                RecordingCatalog = Recordings,
                CallRecords = CallRecords,
                Clock = _clock,
                Prompts = new PromptCache(),
                SoundsFolder = SoundsFolder,
            },
            MeetMe = new MeetMeRooms(NullLoggerFactory.Instance),
            Domain = new LocalDomain(options),
            Limits = limits,
            Time = Time,
            Loggers = loggers,
            Activity = Activity,
            Applications = applications,
            Trunks = trunks,
            Targets = targets,
            Agents = agents,
        };
        Sessions = calls.Sessions;
        CallRegistry = calls.Active;
        Drain = new CallDrain(calls.Active, Time, NullLogger<CallDrain>.Instance);
        _dispatcher = new SipRequestDispatcher(registrar, options, loggers.CreateLogger<SipRequestDispatcher>(), calls);
        _layer = new TransactionLayer(Time, new TransactionTimerOptions(), this, _dispatcher, new TransactionMessageFactory());
        _dispatcher.Attach(_layer, this);
    }

    public FakeTimeProvider Time { get; }

    /// <summary>The switch placing calls itself (a queue's callback, the dialler).</summary>
    public Softswitch.Channels.ICallOriginator Originator => _dispatcher;

    /// <summary>The busy-lamp board the calls report to.</summary>
    public Softswitch.Calls.Presence.ExtensionActivity Activity { get; } = new();

    /// <summary>The recordings calls reported closed.</summary>
    public CollectedRecordings Recordings { get; } = new();

    /// <summary>The records calls left when they ended.</summary>
    public CollectedCallRecords CallRecords { get; } = new();

    /// <summary>The switch's INVITE sessions, for tests that place calls from the switch (B-legs).</summary>
    public SessionRouter Sessions { get; }

    public RtpPortAllocator Ports { get; }

    /// <summary>The calls in progress, as the shutdown drain sees them.</summary>
    public CallRegistry CallRegistry { get; }

    /// <summary>The shutdown drain over <see cref="CallRegistry"/>, on the fake clock.</summary>
    public CallDrain Drain { get; }

    public string SoundsFolder { get; }

    public string RecordingsFolder { get; }

    /// <summary>Writes <c>sounds/&lt;name&gt;.wav</c> (8 kHz mono) holding a sine of <paramref name="hertz"/> for <paramref name="length"/>.</summary>
    public void WriteTone(string name, double hertz, TimeSpan length)
    {
        var path = Path.Combine(SoundsFolder, name + ".wav");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new WavWriter(path, 8000, 1);
        writer.Write(TestAudio.Sine(hertz, (int)(length.TotalSeconds * 8000)));
    }

    /// <summary>Hands a request or response to the transaction layer as if it came from a phone.</summary>
    public void Receive(string message) => Receive(message, PhoneSip);

    /// <summary>Hands a request or response to the transaction layer as if it came from <paramref name="source"/>.</summary>
    public void Receive(string message, SipEndPoint source)
    {
        var status = SipMessageParser.TryParse(Encoding.UTF8.GetBytes(message), out var parsed, out var error);
        Assert.That(status, Is.EqualTo(SipParseStatus.Ok), $"{error}\n{message}");
        if (parsed is SipRequest request) _layer.OnRequest(request, source);
        else _layer.OnResponse((SipResponse)parsed!, source);
    }

    /// <summary>Every message the switch sent so far, in order.</summary>
    public List<SipMessage> Sent()
    {
        lock (_sent) return [.. _sent];
    }

    /// <summary>The first message sent (from <paramref name="skip"/> on) that matches, waiting for it up to 10 s.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, string what, int skip = 0) where T : SipMessage
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (true)
        {
            lock (_sent)
            {
                var found = _sent.Skip(skip).OfType<T>().FirstOrDefault(match);
                if (found is not null) return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"the switch sent no {what} within {s_timeout.TotalSeconds} s");
            await _sentSignal.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits until every RTP port pair is back in the pool (the calls released their media).</summary>
    public Task WaitForPortsReleasedAsync() =>
        Eventually.TrueAsync(() => Ports.Available == Ports.Capacity, () => $"{Ports.Capacity - Ports.Available} RTP port pairs still held");

    public void Send(ReadOnlyMemory<byte> message, SipEndPoint destination)
    {
        var status = SipMessageParser.TryParse(message.Span, out var parsed, out var error);
        if (status != SipParseStatus.Ok) throw new InvalidOperationException($"the switch sent a message it cannot parse back: {error}");
        lock (_sent) _sent.Add(parsed!);
        _sentSignal.Release();
    }

    public DigestSecret? FindSecret(string username, string realm) =>
        _passwords.TryGetValue(username, out var password) ? DigestSecret.FromPassword(password) : null;

    public static string PasswordOf(string extension) => "secret-" + extension;

    public void OnRegistrationEvent(RegistrationEvent registrationEvent)
    {
    }

    // The dispatcher is the real transaction user; these forward to it.
    public void OnRequest(ServerTransaction transaction) => _dispatcher.OnRequest(transaction);
    public void OnAck(SipRequest ack, SipEndPoint source) => _dispatcher.OnAck(ack, source);
    public void OnResponse(ClientTransaction transaction, SipResponse response) => _dispatcher.OnResponse(transaction, response);
    public void OnTimeout(ClientTransaction transaction) => _dispatcher.OnTimeout(transaction);
    public void OnServerFailure(ServerTransaction transaction) => _dispatcher.OnServerFailure(transaction);
    public void OnStrayResponse(SipResponse response, SipEndPoint source) => _dispatcher.OnStrayResponse(response, source);

    public async ValueTask DisposeAsync()
    {
        await _dispatcher.DisposeAsync();
        Ports.Dispose();
        await _clock.DisposeAsync();
        await Activity.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A recorder still closing its file; the temp folder is left behind.
        }
    }
}
