using Microsoft.Extensions.Logging;
using Softswitch.Calls.Bridging;
using Softswitch.Channels;
using Softswitch.Media.Legs;

namespace Softswitch.Calls.Features;

/// <summary>
/// Two callers to the same number talk to each other: the first waits with music, the second is bridged to the
/// first (relayed when their codecs match, transcoded when they do not; each call's recorder hears its own side).
/// When either hangs up, the other is hung up too.
/// </summary>
public sealed partial class MeetMeFeature(MeetMeRoom room, ILogger<MeetMeFeature> logger) : ICallApplication
{
    public string Name => "meet-me";

    public MeetMeRoom Room => room;

    public async Task RunAsync(ICallChannel channel)
    {
        var partner = room.Join(channel, out var isFirst);
        if (partner is null)
        {
            LogFull(channel.CallUuid);
            return;
        }

        if (isFirst)
        {
            await WaitForPartnerAsync(channel, partner).ConfigureAwait(false);
            return;
        }

        await BridgeAsync(await partner.ConfigureAwait(false), channel).ConfigureAwait(false);
    }

    /// <summary>Music until the second caller arrives (who then owns the bridge), or until this caller gives up.</summary>
    private async Task WaitForPartnerAsync(ICallChannel channel, Task<ICallChannel> partner)
    {
        channel.StartMusic();
        try
        {
            await partner.WaitAsync(channel.HungUp).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            room.LeaveWaiting(channel);
            return;
        }

        // Bridged by the partner's flow; stay until it hangs us up or we hang up.
        await ChannelWaits.UntilHungUpAsync(channel).ConfigureAwait(false);
    }

    private async Task BridgeAsync(ICallChannel first, ICallChannel second)
    {
        // Meet-me joins two calls' own media, which only the switch's applications may touch.
        var a = (ILocalMediaChannel)first;
        var b = (ILocalMediaChannel)second;
        try
        {
            a.Silence();
            b.Silence();
            await using var bridge = MediaBridge.Connect(a.Media, b.Media, a.Loggers);
            LogBridged(first.CallUuid, second.CallUuid, a.Media.Codec.ToString(), b.Media.Codec.ToString());
            await Task.WhenAny(ChannelWaits.UntilHungUpAsync(first), ChannelWaits.UntilHungUpAsync(second)).ConfigureAwait(false);
        }
        finally
        {
            first.Hangup();
            second.Hangup();
            room.EndBridge();
            LogUnbridged(first.CallUuid, second.CallUuid);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: meet-me room is full")]
    private partial void LogFull(string callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{First}: bridged with {Second} ({FirstCodec} <-> {SecondCodec})")]
    private partial void LogBridged(string first, string second, string firstCodec, string secondCodec);

    [LoggerMessage(Level = LogLevel.Information, Message = "{First}: bridge with {Second} ended")]
    private partial void LogUnbridged(string first, string second);
}
