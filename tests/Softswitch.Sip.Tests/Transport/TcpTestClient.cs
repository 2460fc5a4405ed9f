using System.Net;
using System.Net.Sockets;
using System.Text;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>A plain TCP socket playing the remote SIP peer, with reads that give up after a timeout.</summary>
internal sealed class TcpTestClient : IDisposable
{
    private readonly List<byte> _pending = [];
    private SipFramerState _framerState;

    public TcpTestClient(Socket socket) => Socket = socket;

    public Socket Socket { get; }

    public IPEndPoint LocalEndPoint => (IPEndPoint)Socket.LocalEndPoint!;

    public static async Task<TcpTestClient> ConnectAsync(IPEndPoint server, IPAddress? from = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Bind(new IPEndPoint(from ?? IPAddress.Loopback, 0));
        await socket.ConnectAsync(server).WaitAsync(RecordingSink.Patience);
        return new TcpTestClient(socket);
    }

    public async Task SendAsync(string text) => await Socket.SendAsync(Encoding.ASCII.GetBytes(text));

    public async Task SendByteByByteAsync(string text)
    {
        foreach (byte b in Encoding.ASCII.GetBytes(text))
        {
            await Socket.SendAsync(new[] { b });
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes (from what is already buffered first).</summary>
    public async Task<string> ReadExactlyAsync(int count)
    {
        while (_pending.Count < count)
        {
            if (!await ReceiveMoreAsync())
            {
                throw new IOException("connection closed");
            }
        }

        var text = Encoding.ASCII.GetString(_pending.GetRange(0, count).ToArray());
        _pending.RemoveRange(0, count);
        return text;
    }

    /// <summary>Reads the next whole SIP message, framed the way the transport frames.</summary>
    public async Task<string> ReadMessageAsync()
    {
        var framer = new SipStreamFramer(65_535);
        while (true)
        {
            var buffered = _pending.ToArray();
            var result = framer.TryRead(ref _framerState, buffered, out int length);
            if (result == SipFrameResult.Message)
            {
                _pending.RemoveRange(0, length);
                return Encoding.ASCII.GetString(buffered, 0, length);
            }

            if (result != SipFrameResult.NeedMoreData)
            {
                throw new InvalidDataException($"unexpected frame {result}");
            }

            if (!await ReceiveMoreAsync())
            {
                throw new IOException("connection closed");
            }
        }
    }

    /// <summary>True when the server closes the connection (FIN or reset) before the timeout.</summary>
    public async Task<bool> WaitForCloseAsync()
    {
        try
        {
            while (await ReceiveMoreAsync())
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>True when no close (FIN or reset) arrives within <paramref name="wait"/>: the server keeps the connection.</summary>
    public bool StaysOpenFor(TimeSpan wait) => !Socket.Poll(wait, SelectMode.SelectRead) || Socket.Available > 0;

    public void Dispose() => Socket.Dispose();

    private async Task<bool> ReceiveMoreAsync()
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(RecordingSink.Patience);
        int received = await Socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        _pending.AddRange(buffer.AsSpan(0, received));
        return received > 0;
    }
}
