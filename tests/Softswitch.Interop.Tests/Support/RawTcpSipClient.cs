using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Softswitch.Interop.Tests.Support;

/// <summary>
/// A SIP client over one TCP connection, written by hand so a test controls every byte: requests, keep-alive pings
/// (RFC 5626 §4.4.1), a message sent a byte at a time, and a digest REGISTER (qop=auth when offered). It binds to
/// the loopback address given, so 127.0.0.2 and up play other machines. Every read gives up after a timeout.
/// </summary>
public sealed partial class RawTcpSipClient : IDisposable
{
    private readonly Socket _socket;
    private readonly List<byte> _pending = [];
    private readonly int _switchPort;
    private int _cseq;

    private RawTcpSipClient(Socket socket, int switchPort)
    {
        _socket = socket;
        _switchPort = switchPort;
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public static async Task<RawTcpSipClient> ConnectAsync(IPAddress from, int switchPort)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, switchPort)).WaitAsync(TimeSpan.FromSeconds(5));
        return new RawTcpSipClient(socket, switchPort);
    }

    public async Task SendAsync(string text) => await _socket.SendAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>OPTIONS and its response's status code, or null when none came within the timeout.</summary>
    public async Task<int?> OptionsAsync()
    {
        await SendAsync(Request("OPTIONS", "sip:127.0.0.1:" + _switchPort, "probe", []));
        return StatusOf(await ReadMessageAsync(TimeSpan.FromSeconds(5)));
    }

    /// <summary>REGISTER <paramref name="extension"/> on this connection, answering the 401 with digest; the final status code.</summary>
    public async Task<int?> RegisterAsync(string extension, string password)
    {
        var uri = $"sip:127.0.0.1:{_switchPort}";
        string[] headers = [$"Contact: <sip:{extension}@{LocalEndPoint};transport=tcp>", "Expires: 300"];
        await SendAsync(Request("REGISTER", uri, extension, headers));
        var challenge = await ReadMessageAsync(TimeSpan.FromSeconds(5));
        if (StatusOf(challenge) != 401) return StatusOf(challenge);
        await SendAsync(Request("REGISTER", uri, extension, [.. headers, Authorization(challenge!, extension, password, uri)]));
        return StatusOf(await ReadMessageAsync(TimeSpan.FromSeconds(5)));
    }

    /// <summary>Sends a CRLFCRLF ping; true when the CRLF pong came back.</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            await SendAsync("\r\n\r\n");
            return await ReadExactlyAsync(2, TimeSpan.FromSeconds(2)) == "\r\n";
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>True when the switch closed the connection (FIN or reset) within <paramref name="wait"/>.</summary>
    public bool IsClosedWithin(TimeSpan wait)
    {
        if (!_socket.Poll(wait, SelectMode.SelectRead)) return false;
        try
        {
            // Readable: either the close, or bytes we did not ask for; drain those and look again.
            var buffer = new byte[4096];
            return _socket.Available == 0 || _socket.Receive(buffer) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>Sends one byte; false when the connection is already gone.</summary>
    public bool TrySendByte(byte value)
    {
        try
        {
            return _socket.Send([value]) == 1;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();

    private string Request(string method, string uri, string user, IEnumerable<string> extraHeaders)
    {
        var local = LocalEndPoint;
        var builder = new StringBuilder()
            .Append($"{method} {uri} SIP/2.0\r\n")
            .Append($"Via: SIP/2.0/TCP {local};branch=z9hG4bK{Guid.NewGuid():N}\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append($"From: <sip:{user}@127.0.0.1>;tag={local.Port}\r\n")
            .Append($"To: <sip:{user}@127.0.0.1>\r\n")
            .Append($"Call-ID: raw-tcp-{local.Address}-{local.Port}\r\n")
            .Append($"CSeq: {++_cseq} {method}\r\n");
        foreach (var header in extraHeaders) builder.Append(header).Append("\r\n");
        return builder.Append("Content-Length: 0\r\n\r\n").ToString();
    }

    private static string Authorization(string challenge, string user, string password, string uri)
    {
        var header = challenge.Split("\r\n").First(line => line.StartsWith("WWW-Authenticate:", StringComparison.OrdinalIgnoreCase)
            && !line.Contains("SHA-256", StringComparison.OrdinalIgnoreCase));
        string Param(string name) => DigestParameter().Matches(header).First(m => m.Groups[1].Value.Equals(name, StringComparison.OrdinalIgnoreCase)).Groups[2].Value;
        var realm = Param("realm");
        var nonce = Param("nonce");
        var ha1 = Md5($"{user}:{realm}:{password}");
        var ha2 = Md5($"REGISTER:{uri}");
        if (!header.Contains("qop", StringComparison.OrdinalIgnoreCase))
        {
            return $"Authorization: Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{Md5($"{ha1}:{nonce}:{ha2}")}\", algorithm=MD5";
        }

        var cnonce = Guid.NewGuid().ToString("N")[..16];
        var response = Md5($"{ha1}:{nonce}:00000001:{cnonce}:auth:{ha2}");
        return $"Authorization: Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"{cnonce}\"";
    }

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static int? StatusOf(string? response) =>
        response is not null && response.StartsWith("SIP/2.0 ", StringComparison.Ordinal) && int.TryParse(response.AsSpan(8, 3), out var code) ? code : null;

    /// <summary>The next whole message (header block, then Content-Length bytes of body), skipping pongs; null on timeout or close.</summary>
    private async Task<string?> ReadMessageAsync(TimeSpan timeout)
    {
        using var patience = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                while (_pending.Count >= 2 && _pending[0] == '\r' && _pending[1] == '\n') _pending.RemoveRange(0, 2);
                var text = Encoding.ASCII.GetString([.. _pending]);
                var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (headerEnd >= 0)
                {
                    var length = ContentLength().Match(text[..headerEnd]) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;
                    var total = headerEnd + 4 + length;
                    if (_pending.Count >= total)
                    {
                        _pending.RemoveRange(0, total);
                        return text[..total];
                    }
                }

                if (!await ReceiveMoreAsync(patience.Token)) return null;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException)
        {
            return null;
        }
    }

    private async Task<string> ReadExactlyAsync(int count, TimeSpan timeout)
    {
        using var patience = new CancellationTokenSource(timeout);
        try
        {
            while (_pending.Count < count)
            {
                if (!await ReceiveMoreAsync(patience.Token)) return "";
            }
        }
        catch (OperationCanceledException)
        {
            return "";
        }

        var text = Encoding.ASCII.GetString([.. _pending.GetRange(0, count)]);
        _pending.RemoveRange(0, count);
        return text;
    }

    private async Task<bool> ReceiveMoreAsync(CancellationToken token)
    {
        var buffer = new byte[4096];
        var received = await _socket.ReceiveAsync(buffer, SocketFlags.None, token);
        _pending.AddRange(buffer.AsSpan(0, received));
        return received > 0;
    }

    [GeneratedRegex(@"(\w+)=""?([^"",]*)""?")]
    private static partial Regex DigestParameter();

    [GeneratedRegex(@"(?im)^(?:Content-Length|l)\s*:\s*(\d+)")]
    private static partial Regex ContentLength();
}
