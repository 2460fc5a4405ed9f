using System.Threading.Channels;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>A sink that copies what it is given into channels the test can await with a timeout.</summary>
internal sealed class RecordingSink : ISipMessageSink
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly Channel<ReceivedMessage> _messages = Channel.CreateUnbounded<ReceivedMessage>();
    private readonly Channel<ReceivedError> _errors = Channel.CreateUnbounded<ReceivedError>();

    /// <summary>Throws from the sink after recording, to prove the transport survives a faulty sink.</summary>
    public bool ThrowAfterRecording { get; set; }

    public void OnMessageReceived(ReadOnlySpan<byte> message, SipEndPoint source, ISipTransport transport)
    {
        _messages.Writer.TryWrite(new ReceivedMessage(SipSamples.Text(message), source, transport));
        if (ThrowAfterRecording)
        {
            throw new InvalidOperationException("sink failure for the test");
        }
    }

    public void OnFramingError(SipFramingError error, SipEndPoint source, ISipTransport transport) =>
        _errors.Writer.TryWrite(new ReceivedError(error, source));

    public Task<ReceivedMessage> NextMessageAsync() => _messages.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public Task<ReceivedError> NextErrorAsync() => _errors.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public bool HasPendingMessage => _messages.Reader.TryPeek(out _);
}
