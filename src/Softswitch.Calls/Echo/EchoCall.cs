using System.Net;
using Microsoft.Extensions.Logging;
using Softswitch.Calls.Media;
using Softswitch.Calls.Routing;
using Softswitch.Media.Codecs;
using Softswitch.Media.Echo;
using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Echo;

/// <summary>
/// The echo test (*43 in the demo): answer with our media address, play the caller's audio straight back,
/// log every DTMF digit (RTP events and SIP INFO), and record both directions when the route says so.
/// Reads top to bottom: negotiate, take ports, answer; then wait for BYE, CANCEL or failure and let go of everything.
/// </summary>
public sealed partial class EchoCall : IInviteSessionOwner
{
    private readonly OfferAnswerSession _offerAnswer;
    private readonly RtpPortPair _ports;
    private readonly ILogger<EchoCall> _logger;
    private readonly string _callId;
    private readonly RtpEcho _echo;
    private readonly EchoRecording? _recording;
    private int _ended;

    private EchoCall(CallMediaOptions media, OfferAnswerSession offerAnswer, NegotiationResult negotiated, RtpPortPair ports,
        string callId, bool record, TimeProvider time, ILoggerFactory loggers)
    {
        _offerAnswer = offerAnswer;
        _ports = ports;
        _callId = callId;
        _logger = loggers.CreateLogger<EchoCall>();
        var decoder = DecoderFor(negotiated.Codec!);
        _recording = record ? EchoRecording.Start(media.RecordingsFolder, callId, negotiated.Codec!, decoder, time, loggers) : null;
        _echo = new RtpEcho(ports, RemoteRtp(negotiated), RemoteRtcp(negotiated), (byte)negotiated.Codec!.PayloadType,
            (byte?)negotiated.TelephoneEventPayloadType, negotiated.Codec!.ClockRate, callId, time, loggers, _recording, decoder);
    }

    /// <summary>
    /// Answers an authenticated INVITE routed to an echo: 488 when no codec fits, 503 when media ports run out,
    /// otherwise 200 OK with our SDP and the echo running.
    /// </summary>
    public static void Start(ServerTransaction invite, SessionRouter sessions, CallMediaOptions media, DialPlanRoute route,
        TimeProvider time, ILoggerFactory loggers)
    {
        var request = invite.Request;
        var logger = loggers.CreateLogger<EchoCall>();
        SessionDescription? offer = null;
        var sdpError = "no SDP offer";
        if (request.Body.IsEmpty || SdpParser.TryParse(request.Body.Span, out offer, out sdpError) != SdpParseStatus.Ok)
        {
            // A late offer (INVITE without SDP) would need our offer in the 200 and the answer in the ACK: not served yet.
            invite.Respond(488, "SDP Offer Required", toTag: SipIds.NewTag());
            LogRejected(logger, request.CallId, 488, sdpError);
            return;
        }

        if (!media.Ports.TryAllocate(out var ports))
        {
            invite.Respond(503, "Media Ports Exhausted", toTag: SipIds.NewTag(), headers: [new("Retry-After", "10")]);
            LogRejected(logger, request.CallId, 503, "no free RTP ports");
            return;
        }

        var offerAnswer = new OfferAnswerSession(new LocalMediaOptions { Address = media.Address.ToString(), RtpPort = ports!.RtpPort, Codecs = Codecs }, time);
        var negotiated = offerAnswer.ReceiveOffer(offer!);
        if (!negotiated.IsAccepted || negotiated.Codec is null)
        {
            ports.Dispose();
            invite.Respond(negotiated.RejectStatusCode ?? 488, toTag: SipIds.NewTag());
            LogRejected(logger, request.CallId, negotiated.RejectStatusCode ?? 488, negotiated.Error ?? "no common codec");
            return;
        }

        var call = new EchoCall(media, offerAnswer, negotiated, ports, request.CallId, route.Record, time, loggers);
        var session = sessions.CreateSession(invite, call);
        call._echo.Start();
        session.Accept(SdpWriter.Write(offerAnswer.CreateAnswer()));
        LogAnswered(logger, request.CallId, negotiated.Codec.ToString(), call._echo.LocalRtpEndPoint.ToString(), RemoteRtp(negotiated)?.ToString() ?? "-");
    }

    public void OnAcknowledged(InviteServerSession session, ReadOnlyMemory<byte> sdp) => LogAcknowledged(_callId);

    public void OnReInvite(InviteServerSession session, ReadOnlyMemory<byte> offer)
    {
        if (offer.IsEmpty || SdpParser.TryParse(offer.Span, out var description, out _) != SdpParseStatus.Ok)
        {
            session.RejectReInvite(488);
            return;
        }

        var negotiated = _offerAnswer.ReceiveOffer(description!);
        if (!negotiated.IsAccepted || negotiated.Codec is null)
        {
            if (negotiated.IsAccepted) _offerAnswer.Rollback();
            session.RejectReInvite(negotiated.RejectStatusCode ?? 488);
            return;
        }

        // Hold, unhold or a move of the phone's media: the echo follows the new address.
        _echo.SetRemote(RemoteRtp(negotiated), RemoteRtcp(negotiated));
        session.AnswerReInvite(SdpWriter.Write(_offerAnswer.CreateAnswer()));
    }

    public void OnInfo(InviteServerSession session, string? contentType, ReadOnlyMemory<byte> body)
    {
        _echo.OnSipInfo(contentType, body.Span);
    }

    public void OnBye(InviteServerSession session) => End("caller hung up");

    public void OnCancelled(InviteServerSession session) => End("cancelled");

    public void OnFailed(InviteServerSession session, InviteSessionFailure failure) => End(failure.ToString());

    private void End(string why)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1) return;
        var rtcp = _echo.Rtcp;
        LogEnded(_callId, why, _echo.Echoed, rtcp.PacketsReceived, rtcp.PacketsLost, rtcp.Jitter.TotalMilliseconds,
            rtcp.PeerReport is { } peer ? $"{peer.CumulativeLost} lost, jitter {peer.Jitter} units" : "none");
        _ = ReleaseAsync();
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await _echo.DisposeAsync().ConfigureAwait(false);
            if (_recording is not null) await _recording.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _ports.Dispose();
        }
    }

    /// <summary>
    /// Our preference: G.711 first (recorded and scanned for in-band DTMF), Opus when libopus loads (echoed without
    /// decoding, so it works even though it is not yet recorded), then telephone-event.
    /// </summary>
    private static readonly IReadOnlyList<CodecDescriptor> Codecs = OpusLibrary.IsAvailable
        ? [CodecDescriptor.Pcmu, CodecDescriptor.Pcma, CodecDescriptor.Opus, CodecDescriptor.TelephoneEvent]
        : [CodecDescriptor.Pcmu, CodecDescriptor.Pcma, CodecDescriptor.TelephoneEvent];

    /// <summary>G.711 is decoded for in-band DTMF; other codecs (Opus) are not yet.</summary>
    private static IAudioCodec? DecoderFor(MediaFormat codec) => codec.EncodingName.ToUpperInvariant() switch
    {
        "PCMU" => PcmuCodec.Instance,
        "PCMA" => PcmaCodec.Instance,
        _ => null,
    };

    private static IPEndPoint? RemoteRtp(NegotiationResult negotiated) =>
        IPAddress.TryParse(negotiated.RemoteRtpAddress, out var address) && negotiated.RemoteRtpPort > 0
            ? new IPEndPoint(address, negotiated.RemoteRtpPort)
            : null;

    private static IPEndPoint? RemoteRtcp(NegotiationResult negotiated) =>
        IPAddress.TryParse(negotiated.RemoteRtcpAddress ?? negotiated.RemoteRtpAddress, out var address) && negotiated.RemoteRtcpPort > 0
            ? new IPEndPoint(address, negotiated.RemoteRtcpPort)
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: echo answered, {Codec}, our media {Local}, caller media {Remote}")]
    private static partial void LogAnswered(ILogger logger, string callId, string codec, string local, string remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: echo call refused with {StatusCode}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string callId, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallId}: ACK received, echo running")]
    private partial void LogAcknowledged(string callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: echo call ended ({Why}), {Packets} packets echoed; received {Received}, lost {Lost}, jitter {JitterMs:0.0} ms; caller's report on our stream: {PeerReport}")]
    private partial void LogEnded(string callId, string why, long packets, long received, long lost, double jitterMs, string peerReport);
}
