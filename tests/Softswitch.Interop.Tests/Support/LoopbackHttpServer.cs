using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Softswitch.Interop.Tests.Support;

/// <summary>
/// A small HTTP server on 127.0.0.1 and a free port (a self-service backend for an IVR's <c>http</c> node): answers every
/// request with one JSON body and keeps the paths and queries it was asked for. Disposing stops it.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _json;
    private readonly Task _serving;

    private LoopbackHttpServer(int port, string json)
    {
        _json = json;
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>The server's base address, ending in a slash.</summary>
    public string Url { get; }

    /// <summary>Each request as its method, path and query (<c>GET /balance?account=123456</c>), in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static LoopbackHttpServer Start(string json) => new(FreePort.ForUdpAndTcp(), json);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            Requests.Enqueue($"{context.Request.HttpMethod} {context.Request.Url!.PathAndQuery}");
            var body = Encoding.UTF8.GetBytes(_json);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
