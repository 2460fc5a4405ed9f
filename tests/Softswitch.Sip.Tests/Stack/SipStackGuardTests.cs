using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Security;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transport;
using static Softswitch.Sip.Tests.Transactions.Messages;

namespace Softswitch.Sip.Tests.Stack;

/// <summary>
/// The stack's own defences on real sockets with a fake clock: challenges to requests without credentials are sent
/// statelessly (one datagram, no transaction, nothing retransmitted), and banned sources are not answered at all.
/// </summary>
public sealed class SipStackGuardTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly List<UdpClient> _clients = [];
    private FakeTimeProvider _time = null!;
    private AwaitingUser _user = null!;
    private SourceGuard _guard = null!;
    private SipStack _stack = null!;

    private IPEndPoint Switch => _stack.Transports.Single().LocalEndPoint;

    [SetUp]
    public async Task StartAsync()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        _user = new AwaitingUser();
        _guard = new SourceGuard(new SourceGuardOptions { FailedAuthLimit = 3 }, _time, null, NullLogger<SourceGuard>.Instance);
        var authenticator = new RequestAuthenticator(new DigestAuthenticator(new NonceManager(_time)),
            new PasswordLookupCredentialStore(_ => null), new RequestAuthenticatorOptions { Realm = "pbx.test" }, _guard);
        var options = new SipStackOptions
        {
            Transport = new SipTransportOptions { Address = IPAddress.Loopback, Port = 0 },
            Transports = [SipTransportKind.Udp],
        };
        _stack = new SipStack(options, _user, _time, NullLoggerFactory.Instance) { Guard = _guard, StatelessChallenges = authenticator };
        await _stack.StartAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _stack.DisposeAsync();
        foreach (var client in _clients) client.Dispose();
    }

    [Test, Description("issue 8 finding 9: no 100 Trying, no Timer G, no transaction for a credential-less INVITE")]
    public async Task An_invite_without_credentials_gets_one_stateless_407_and_no_transaction()
    {
        var phone = Client(IPAddress.Loopback);
        await SendAsync(phone, Text("INVITE", "z9hG4bKsl1"));

        var replies = await ReceiveAllAsync(phone);
        _time.Advance(TimeSpan.FromSeconds(40)); // past every Timer G and H: nothing may be waiting to retransmit
        replies.AddRange(await ReceiveAllAsync(phone));

        Assert.That(replies, Has.Count.EqualTo(1));
        var challenge = (SipResponse)Parse(replies[0]);
        Assert.Multiple(() =>
        {
            Assert.That(challenge.StatusCode, Is.EqualTo(407));
            Assert.That(challenge.GetHeaderValues("Proxy-Authenticate"), Is.Not.Empty);
            Assert.That(challenge.To.Tag, Is.EqualTo(ToTags.For("z9hG4bKsl1@test", challenge.From.Tag!)), "the tag the call's 2xx will carry");
            Assert.That(_stack.Transactions.ServerTransactionCount, Is.Zero);
            Assert.That(_user.HasRequest, Is.False, "the TU never hears of it");
        });
    }

    [Test]
    public async Task A_banned_address_has_its_tcp_connections_closed_at_once_while_another_address_keeps_its()
    {
        await using var stack = new SipStack(new SipStackOptions
        {
            Transport = new SipTransportOptions { Address = IPAddress.Loopback, Port = 0 },
            Transports = [SipTransportKind.Tcp],
        }, _user, _time, NullLoggerFactory.Instance) { Guard = _guard };
        await stack.StartAsync(CancellationToken.None);
        var banned = IPAddress.Parse("127.0.0.2");
        for (var i = 0; i < 3; i++) _guard.OnAuthFailed(banned);
        Assert.That(_guard.IsBanned(banned), Is.True);

        using var fromBanned = await ConnectAsync(banned, stack.Transports.Single().LocalEndPoint);
        using var fromPhone = await ConnectAsync(IPAddress.Loopback, stack.Transports.Single().LocalEndPoint);

        var bannedRead = await ReadOrNullAsync(fromBanned, TimeSpan.FromSeconds(2));
        var phoneRead = await ReadOrNullAsync(fromPhone, Quiet);

        Assert.Multiple(() =>
        {
            Assert.That(bannedRead, Is.EqualTo(0), "the switch closed it");
            Assert.That(phoneRead, Is.Null, "still open: nothing to read, no close");
        });
    }

    private static async Task<Socket> ConnectAsync(IPAddress from, IPEndPoint to)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(to);
        return socket;
    }

    /// <summary>Bytes read (0: the peer closed), or null when nothing happened within <paramref name="wait"/>.</summary>
    private static async Task<int?> ReadOrNullAsync(Socket socket, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await socket.ReceiveAsync(new byte[64], SocketFlags.None, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (SocketException)
        {
            return 0; // reset by the switch: closed too
        }
    }

    [Test]
    public async Task While_draining_a_new_invite_reaches_the_user_unchallenged_and_a_register_is_still_challenged()
    {
        var phone = Client(IPAddress.Loopback);
        _stack.StopChallengingNewInvites();

        await SendAsync(phone, Text("INVITE", "z9hG4bKdrain1"));
        await SendAsync(phone, Text("REGISTER", "z9hG4bKdrain2"));
        var replies = await ReceiveAllAsync(phone);

        Assert.Multiple(() =>
        {
            Assert.That(_user.HasRequest, Is.True, "the INVITE went to the transaction user, which refuses it while draining");
            Assert.That(replies.Where(r => r.StartsWith("SIP/2.0 407 ", StringComparison.Ordinal)), Is.Empty);
            Assert.That(replies.Count(r => r.StartsWith("SIP/2.0 401 ", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test, Description("RFC 3261 §17.1.1.3: the caller ACKs the 407 with the INVITE's branch; with no transaction it draws nothing")]
    public async Task The_ack_for_a_stateless_challenge_draws_nothing_and_a_retransmission_is_challenged_again_with_the_same_tag()
    {
        var phone = Client(IPAddress.Loopback);
        await SendAsync(phone, Text("INVITE", "z9hG4bKsl2"));
        var first = (SipResponse)Parse((await ReceiveAllAsync(phone)).Single());

        await SendAsync(phone, Text("ACK", "z9hG4bKsl2", toTag: first.To.Tag));
        await SendAsync(phone, Text("INVITE", "z9hG4bKsl2"));
        var again = await ReceiveAllAsync(phone);

        Assert.That(again, Has.Count.EqualTo(1), "one 407 for the retransmitted INVITE, nothing for the ACK");
        Assert.That(again[0], Does.StartWith("SIP/2.0 407 "));
        Assert.That(((SipResponse)Parse(again[0])).To.Tag, Is.EqualTo(first.To.Tag),
            "a late copy of either challenge names the same dialog as the 2xx");
        Assert.That(_stack.Transactions.ServerTransactionCount, Is.Zero);
    }

    [Test]
    public async Task A_register_without_credentials_gets_a_stateless_401()
    {
        var phone = Client(IPAddress.Loopback);
        await SendAsync(phone, Text("REGISTER", "z9hG4bKsl3"));

        var replies = await ReceiveAllAsync(phone);

        Assert.That(replies.Single(), Does.StartWith("SIP/2.0 401 ").And.Contain("WWW-Authenticate: Digest"));
        Assert.That(_stack.Transactions.ServerTransactionCount, Is.Zero);
    }

    [Test]
    public async Task Other_requests_still_go_to_the_transaction_user()
    {
        var phone = Client(IPAddress.Loopback);
        await SendAsync(phone, Text("OPTIONS", "z9hG4bKsl4"));

        var request = await _user.NextRequestAsync();

        Assert.That(request.Request.MethodName, Is.EqualTo("OPTIONS"));
    }

    [Test, Description("issue 8 finding 2: a banned address gets no response at all, before parsing")]
    public async Task A_banned_address_is_not_answered_while_another_is()
    {
        var guesser = Client(IPAddress.Parse("127.0.0.2"));
        var phone = Client(IPAddress.Loopback);
        for (var i = 0; i < 3; i++) _guard.OnAuthFailed(IPAddress.Parse("127.0.0.2"));

        await SendAsync(guesser, Text("INVITE", "z9hG4bKsl5"));
        await SendAsync(phone, Text("INVITE", "z9hG4bKsl6"));

        Assert.That(await ReceiveAllAsync(guesser), Is.Empty);
        Assert.That(await ReceiveAllAsync(phone), Has.Count.EqualTo(1));
    }

    private UdpClient Client(IPAddress address)
    {
        var client = new UdpClient(new IPEndPoint(address, 0));
        _clients.Add(client);
        return client;
    }

    private async Task SendAsync(UdpClient client, string text) =>
        await client.SendAsync(Encoding.ASCII.GetBytes(text.Replace("PORT", ((IPEndPoint)client.Client.LocalEndPoint!).Port.ToString())), Switch);

    private static string Text(string method, string branch, string? toTag = null) =>
        Encoding.ASCII.GetString(Request(method, branch: branch, toTag: toTag, callId: branch + "@test").Raw.Span);

    private static async Task<List<string>> ReceiveAllAsync(UdpClient client)
    {
        var received = new List<string>();
        while (true)
        {
            using var wait = new CancellationTokenSource(Quiet);
            try
            {
                received.Add(Encoding.ASCII.GetString((await client.ReceiveAsync(wait.Token)).Buffer));
            }
            catch (OperationCanceledException)
            {
                return received;
            }
        }
    }
}
