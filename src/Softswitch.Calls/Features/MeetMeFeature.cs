using Microsoft.Extensions.Logging;
using Softswitch.Calls.Legs;
using Softswitch.Media.Legs;

namespace Softswitch.Calls.Features;

/// <summary>
/// Two callers to the same number talk to each other: the first waits with music, the second is bridged to the
/// first (relayed when their codecs match, transcoded when they do not; each call's recorder hears its own side).
/// When either hangs up, the other is hung up too. This is the bridge the ACD will use between caller and agent.
/// </summary>
public sealed partial class MeetMeFeature(MeetMeRoom room, ILogger<MeetMeFeature> logger) : ICallFeature
{
    public string Name => "meet-me";

    public MeetMeRoom Room => room;

    public async Task RunAsync(InboundCall call)
    {
        var partner = room.Join(call, out var isFirst);
        if (partner is null)
        {
            LogFull(call.CallId);
            return;
        }

        if (isFirst)
        {
            await WaitForPartnerAsync(call, partner).ConfigureAwait(false);
            return;
        }

        await BridgeAsync(await partner.ConfigureAwait(false), call).ConfigureAwait(false);
    }

    /// <summary>Music until the second caller arrives (who then owns the bridge), or until this caller gives up.</summary>
    private async Task WaitForPartnerAsync(InboundCall call, Task<InboundCall> partner)
    {
        if (call.Prompt("music/default") is { } music) call.Player.PlayLoop(music);
        try
        {
            await partner.WaitAsync(call.Ended).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            room.LeaveWaiting(call);
            return;
        }

        // Bridged by the partner's flow; stay until it hangs us up or we hang up.
        await call.WhenEnded.ConfigureAwait(false);
    }

    private async Task BridgeAsync(InboundCall first, InboundCall second)
    {
        try
        {
            first.Player.Stop();
            second.Player.Stop();
            await using var bridge = MediaBridge.Connect(first.Media, second.Media, first.LoggerFactory);
            LogBridged(first.CallId, second.CallId, first.Media.Codec.ToString(), second.Media.Codec.ToString());
            await Task.WhenAny(first.WhenEnded, second.WhenEnded).ConfigureAwait(false);
        }
        finally
        {
            first.Hangup();
            second.Hangup();
            room.EndBridge();
            LogUnbridged(first.CallId, second.CallId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: meet-me room is full")]
    private partial void LogFull(string callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{First}: bridged with {Second} ({FirstCodec} <-> {SecondCodec})")]
    private partial void LogBridged(string first, string second, string firstCodec, string secondCodec);

    [LoggerMessage(Level = LogLevel.Information, Message = "{First}: bridge with {Second} ended")]
    private partial void LogUnbridged(string first, string second);
}
