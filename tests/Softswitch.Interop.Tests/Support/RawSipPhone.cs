using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Softswitch.Interop.Tests.Support;

/// <summary>
/// An attacker's (or an old phone's) hand-made SIP over UDP from any loopback address, with MD5 digest computed here
/// (with or without qop), independent of our own SIP code. Counts the bytes each way for amplification checks.
/// </summary>
public sealed class RawSipPhone : IDisposable
{
    public const string Domain = "softswitch.test";

    private readonly UdpClient _udp;
    private readonly IPEndPoint _switch;

    public RawSipPhone(string localAddress, int switchPort, int localPort = 0)
    {
        _udp = new UdpClient(new IPEndPoint(IPAddress.Parse(localAddress), localPort));
        _switch = new IPEndPoint(IPAddress.Loopback, switchPort);
        Local = (IPEndPoint)_udp.Client.LocalEndPoint!;
    }

    public IPEndPoint Local { get; }

    public long BytesSent { get; private set; }

    public long BytesReceived { get; private set; }

    public async Task SendAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        BytesSent += bytes.Length;
        await _udp.SendAsync(bytes, _switch);
    }

    /// <summary>The next datagram, or null when none comes within <paramref name="timeout"/>.</summary>
    public async Task<string?> ReceiveAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            var received = await _udp.ReceiveAsync(wait.Token);
            BytesReceived += received.Buffer.Length;
            return Encoding.UTF8.GetString(received.Buffer);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Every datagram that arrives within <paramref name="duration"/>.</summary>
    public async Task<List<string>> ReceiveForAsync(TimeSpan duration)
    {
        var end = DateTime.UtcNow + duration;
        var all = new List<string>();
        while (DateTime.UtcNow < end && await ReceiveAsync(end - DateTime.UtcNow) is { } message) all.Add(message);
        return all;
    }

    /// <summary>A REGISTER for <paramref name="user"/> naming this socket (or <paramref name="contactHost"/>) as its contact.</summary>
    public string Register(string user, string callId, int cseq, string? authorization = null, string? contactHost = null) =>
        $"REGISTER sip:{Domain} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {Local.Address}:{Local.Port};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:{user}@{Domain}>;tag={callId[..8]}\r\n" +
        $"To: <sip:{user}@{Domain}>\r\n" +
        $"Call-ID: {callId}\r\n" +
        $"CSeq: {cseq} REGISTER\r\n" +
        $"Contact: <sip:{user}@{contactHost ?? Local.Address.ToString()}:{Local.Port}>\r\n" +
        "Expires: 60\r\n" +
        (authorization is null ? "" : $"Authorization: {authorization}\r\n") +
        "User-Agent: raw-attack-test\r\n" +
        "Content-Length: 0\r\n\r\n";

    /// <summary>An OPTIONS to the switch.</summary>
    public string Options(string callId) =>
        $"OPTIONS sip:{Domain} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {Local.Address}:{Local.Port};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:flood@{Domain}>;tag={callId[..8]}\r\n" +
        $"To: <sip:{Domain}>\r\n" +
        $"Call-ID: {callId}\r\n" +
        "CSeq: 1 OPTIONS\r\n" +
        "Content-Length: 0\r\n\r\n";

    /// <summary>An INVITE for <c>*43</c> without credentials and without a body.</summary>
    public string Invite(string callId) =>
        $"INVITE sip:*43@{Domain} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {Local.Address}:{Local.Port};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:1001@{Domain}>;tag={callId[..8]}\r\n" +
        $"To: <sip:*43@{Domain}>\r\n" +
        $"Call-ID: {callId}\r\n" +
        "CSeq: 1 INVITE\r\n" +
        $"Contact: <sip:1001@{Local.Address}:{Local.Port}>\r\n" +
        "User-Agent: raw-attack-test\r\n" +
        "Content-Length: 0\r\n\r\n";

    /// <summary>
    /// REGISTER, its 401, then the REGISTER with MD5 digest for <paramref name="password"/>: with qop=auth, or in the
    /// RFC 2069 form without. Returns the final status (0: no answer within the timeout) and the authenticated request.
    /// </summary>
    public async Task<(int Status, string? Authenticated)> RegisterAsync(string user, string password, bool qop, TimeSpan timeout)
    {
        var callId = Guid.NewGuid().ToString("N");
        await SendAsync(Register(user, callId, 1));
        var challenge = await ReceiveAsync(timeout);
        if (challenge is null) return (0, null);
        if (StatusOf(challenge) != 401) return (StatusOf(challenge), null);
        var authenticated = Register(user, callId, 2, Authorization(challenge, user, password, "REGISTER", $"sip:{Domain}", qop));
        await SendAsync(authenticated);
        var answer = await ReceiveAsync(timeout);
        return (answer is null ? 0 : StatusOf(answer), authenticated);
    }

    public static int StatusOf(string response) => int.Parse(response.AsSpan(8, 3));

    /// <summary>The Authorization value answering the MD5 challenge in <paramref name="challenge"/>.</summary>
    public static string Authorization(string challenge, string user, string password, string method, string uri, bool qop)
    {
        var md5 = ChallengeWith("MD5").Matches(challenge).Select(m => m.Value).First();
        var realm = Parameter(md5, "realm");
        var nonce = Parameter(md5, "nonce");
        var ha1 = Md5($"{user}:{realm}:{password}");
        var ha2 = Md5($"{method}:{uri}");
        const string cnonce = "0a4f113b", nc = "00000001";
        var response = qop ? Md5($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}") : Md5($"{ha1}:{nonce}:{ha2}");
        return $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm=MD5" +
               (qop ? $", qop=auth, nc={nc}, cnonce=\"{cnonce}\"" : "");
    }

    private static string Parameter(string challenge, string name) =>
        Regex.Match(challenge, name + "=\"([^\"]*)\"").Groups[1].Value;

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static Regex ChallengeWith(string algorithm) =>
        new($"(?:WWW|Proxy)-Authenticate: Digest [^\r\n]*algorithm={algorithm}(?![-\\w])[^\r\n]*");

    public void Dispose() => _udp.Dispose();
}
