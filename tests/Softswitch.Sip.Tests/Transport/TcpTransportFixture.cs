using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>A TCP transport on a free loopback port with a fake clock, restarted per test; clients are closed after each test.</summary>
public abstract class TcpTransportFixture
{
    protected static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    private readonly List<IDisposable> _disposables = [];

    private protected FakeTimeProvider Time { get; private set; } = null!;

    private protected RecordingSink Sink { get; private set; } = null!;

    private protected TcpSipTransport Transport { get; set; } = null!;

    [SetUp]
    public async Task StartAsync()
    {
        Time = new FakeTimeProvider();
        Sink = new RecordingSink();
        Transport = await StartTransportAsync(DefaultOptions());
    }

    [TearDown]
    public async Task StopAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        await Transport.DisposeAsync();
    }

    protected static SipTransportOptions DefaultOptions() => new()
    {
        Address = IPAddress.Loopback,
        Port = 0,
        TcpIdleTimeout = IdleTimeout,
    };

    private protected async Task RestartAsync(Action<SipTransportOptions> configure)
    {
        await Transport.DisposeAsync();
        var options = DefaultOptions();
        configure(options);
        Transport = await StartTransportAsync(options);
    }

    private protected async Task<TcpSipTransport> StartTransportAsync(SipTransportOptions options)
    {
        var transport = new TcpSipTransport(options, Sink, Time, NullLogger<TcpSipTransport>.Instance);
        await transport.StartAsync(CancellationToken.None);
        return transport;
    }

    /// <summary>Connects from <paramref name="from"/> (127.0.0.1 unless another loopback address plays another machine).</summary>
    private protected async Task<TcpTestClient> ConnectAsync(IPAddress? from = null) =>
        Track(await TcpTestClient.ConnectAsync(Transport.LocalEndPoint, from));

    private protected T Track<T>(T disposable) where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }
}
