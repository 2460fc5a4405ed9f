using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Tests.Trunks;

/// <summary>A request a trunk sent through <see cref="FakeTrunkRequestSender"/>; the test answers it or lets it time out.</summary>
internal sealed class SentTrunkRequest(SipRequest request, SipEndPoint destination)
{
    private readonly TaskCompletionSource<SipResponse?> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SipRequest Request { get; } = request;

    public SipEndPoint Destination { get; } = destination;

    public Task<SipResponse?> Final => _final.Task;

    /// <summary>Answers with <paramref name="status"/> and extra headers, as a registrar would.</summary>
    public void Answer(int status, params (string Name, string Value)[] headers)
    {
        var builder = SipResponseBuilder.For(Request, status).WithToTag("carrier");
        foreach (var (name, value) in headers) builder.AddHeader(name, value);
        SipMessageParser.TryParse(builder.ToBytes(), out var parsed, out _);
        _final.TrySetResult((SipResponse)parsed!);
    }

    /// <summary>Timer F: no final response.</summary>
    public void TimeOut() => _final.TrySetResult(null);
}
