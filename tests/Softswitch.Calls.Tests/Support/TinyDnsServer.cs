using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Softswitch.Calls.Tests.Support;

/// <summary>
/// A minimal authoritative DNS responder on 127.0.0.1 (a free UDP port) for tests: answers A, AAAA and SRV questions
/// from its table (RFC 1035 §4, RFC 2782), NXDOMAIN for names it has nothing for, and counts the questions.
/// </summary>
public sealed class TinyDnsServer : IAsyncDisposable
{
    private const ushort TypeA = 1, TypeAaaa = 28, TypeSrv = 33;
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly Dictionary<(string Name, ushort Type), List<byte[]>> _records = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _questions;

    public TinyDnsServer() => _loop = Task.Run(ServeAsync);

    public IPEndPoint EndPoint => (IPEndPoint)_socket.Client.LocalEndPoint!;

    public int Questions => Volatile.Read(ref _questions);

    public TinyDnsServer A(string name, string address) => Add(name, IPAddress.Parse(address).AddressFamily == AddressFamily.InterNetwork ? TypeA : TypeAaaa,
        IPAddress.Parse(address).GetAddressBytes());

    public TinyDnsServer Srv(string name, ushort priority, ushort weight, ushort port, string target)
    {
        var data = new List<byte>();
        Span<byte> numbers = stackalloc byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(numbers, priority);
        BinaryPrimitives.WriteUInt16BigEndian(numbers[2..], weight);
        BinaryPrimitives.WriteUInt16BigEndian(numbers[4..], port);
        data.AddRange(numbers.ToArray());
        data.AddRange(EncodeName(target));
        return Add(name, TypeSrv, data.ToArray());
    }

    private TinyDnsServer Add(string name, ushort type, byte[] data)
    {
        lock (_records)
        {
            var key = (name.TrimEnd('.').ToLowerInvariant(), type);
            if (!_records.TryGetValue(key, out var list)) _records[key] = list = [];
            list.Add(data);
        }

        return this;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(_stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (Answer(received.Buffer) is { } response) await _socket.SendAsync(response, received.RemoteEndPoint);
        }
    }

    private byte[]? Answer(byte[] query)
    {
        if (query.Length < 17) return null;
        Interlocked.Increment(ref _questions);
        var offset = 12;
        var labels = new List<string>();
        while (offset < query.Length && query[offset] != 0)
        {
            var length = query[offset];
            labels.Add(Encoding.ASCII.GetString(query, offset + 1, length));
            offset += length + 1;
        }

        var questionEnd = offset + 5; // the zero label, QTYPE, QCLASS
        if (questionEnd > query.Length) return null;
        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(offset + 1));
        var name = string.Join('.', labels).ToLowerInvariant();
        List<byte[]> answers;
        bool known;
        lock (_records)
        {
            answers = _records.TryGetValue((name, type), out var list) ? [.. list] : [];
            known = _records.Keys.Any(k => k.Name == name);
        }

        var response = new List<byte>(512);
        response.AddRange(query.AsSpan(0, 2).ToArray()); // ID
        response.AddRange(new byte[] { 0x84, 0x00 }); // QR, AA
        response[3] = known ? (byte)0x00 : (byte)0x03; // NXDOMAIN for names we do not have
        response.AddRange(new byte[] { 0, 1, (byte)(answers.Count >> 8), (byte)answers.Count, 0, 0, 0, 0 });
        response.AddRange(query.AsSpan(12, questionEnd - 12).ToArray());
        foreach (var data in answers)
        {
            response.AddRange(new byte[] { 0xC0, 0x0C, (byte)(type >> 8), (byte)type, 0, 1, 0, 0, 0, 60, (byte)(data.Length >> 8), (byte)data.Length });
            response.AddRange(data);
        }

        return response.ToArray();
    }

    private static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.Add(0);
        return bytes.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
