using System.Net;
using Microsoft.Extensions.Logging;
using Softswitch.Calls.Legs;
using Softswitch.Calls.Media;
using Softswitch.Media.Legs;
using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// One SIP leg of a call with its media: the caller's (<see cref="CallerLeg"/>, over an InviteServerSession) or a
/// callee's (<see cref="CalleeLeg"/>, over an InviteClientSession), with one API for both. The leg's SIP callbacks only
/// post to its call's mailbox; everything here runs on the call's loop.
/// </summary>
public abstract class CallLeg
{
    private IBridgedCallMailbox _call;
    private string? _party;

    private protected CallLeg(IBridgedCallMailbox call, string role, RtpPortPair ports, OfferAnswerSession offerAnswer)
    {
        _call = call;
        Role = role;
        Ports = ports;
        OfferAnswer = offerAnswer;
    }

    /// <summary>Where the leg's session callbacks go: its call, or the call it was handed over to (attended transfer).</summary>
    private protected IBridgedCallMailbox Call => Volatile.Read(ref _call);

    /// <summary>
    /// Attended transfer: the leg's session events go to <paramref name="call"/> from now on (events already queued at the
    /// old call are forwarded by it).
    /// </summary>
    public void MoveTo(IBridgedCallMailbox call) => Volatile.Write(ref _call, call);

    /// <summary>caller or callee.</summary>
    public string Role { get; }

    /// <summary>The leg's own Call-ID.</summary>
    public abstract string CallId { get; }

    /// <summary>Who is on the leg (extension, or the contact rung).</summary>
    public abstract string Peer { get; }

    /// <summary>The carrier this leg talks through (its call came in from or goes out to that trunk); null for our own phones.</summary>
    public string? Trunk { get; set; }

    /// <summary>Who the other party and the busy lamps see on this leg: <see cref="Peer"/>, or the number dialled out through a trunk.</summary>
    public string Party
    {
        get => _party ?? Peer;
        set => _party = value;
    }

    /// <summary>The SIP state of the leg's session, for the registry.</summary>
    public abstract string SipState { get; }

    /// <summary>The port pair the leg's media uses (the call disposes it).</summary>
    public RtpPortPair Ports { get; }

    /// <summary>This leg's SDP offer/answer with its peer.</summary>
    public OfferAnswerSession OfferAnswer { get; }

    /// <summary>The negotiated media, once offer and answer met.</summary>
    public NegotiationResult? Negotiated { get; set; }

    /// <summary>The leg's media, once started.</summary>
    public MediaLeg? Media { get; private set; }

    /// <summary>True while this leg's peer holds the call (its last offer was sendonly or inactive): the other party hears music.</summary>
    public bool Holding { get; set; }

    /// <summary>The leg's INVITE session, to send requests in its dialog (INFO, NOTIFY); null before it started.</summary>
    public abstract Softswitch.Sip.Dialogs.IInviteSession? Dialog { get; }

    /// <summary>Ends the leg from our side: BYE once answered, otherwise 480 (caller) or CANCEL (callee).</summary>
    public abstract void Hangup(string? reason = null);

    /// <summary>Answers the peer's pending re-INVITE with <paramref name="sdp"/>.</summary>
    public abstract bool AnswerReInvite(ReadOnlyMemory<byte> sdp);

    /// <summary>Refuses the peer's pending re-INVITE (488 keeps the session as it was).</summary>
    public abstract bool RejectReInvite(int statusCode);

    private bool _receiving;

    /// <summary>
    /// Creates (or, after early media from another fork, re-creates) the leg's media for <paramref name="negotiated"/>.
    /// It receives only once <see cref="StartReceiving"/> is called: the call connects the bridge first, so the first
    /// packet the peer sends (often right after our ACK) has somewhere to go.
    /// </summary>
    public async ValueTask<MediaLeg> StartMediaAsync(NegotiationResult negotiated, CallMediaOptions media, IPAddress? signallingHost,
        TimeProvider time, ILoggerFactory loggers)
    {
        if (Media is { } old)
        {
            if (old.Codec.IsSameCodecAs(negotiated.Codec!))
            {
                ApplyRemote(negotiated);
                return old;
            }

            await old.DisposeAsync().ConfigureAwait(false);
        }

        Negotiated = negotiated;
        var leg = new MediaLeg(new MediaLegOptions
        {
            Ports = Ports,
            Codec = negotiated.Codec!,
            TelephoneEventPayloadType = negotiated.TelephoneEventPayloadType,
            TelephoneEventClockRate = negotiated.TelephoneEvent?.ClockRate ?? 8000,
            RemoteRtp = NegotiatedEndpoints.Rtp(negotiated),
            RemoteRtcp = NegotiatedEndpoints.Rtcp(negotiated),
            RelatchAfter = media.RelatchAfter,
            SignallingHost = signallingHost,
            CallId = CallId,
        }, time, loggers)
        {
            CanSend = negotiated.CanSend,
        };
        Media = leg;
        _receiving = false;
        return leg;
    }

    /// <summary>Starts receiving and RTCP on the leg's media (once; harmless before the media exists).</summary>
    public void StartReceiving()
    {
        if (_receiving || Media is not { } leg) return;
        _receiving = true;
        leg.Start();
    }

    /// <summary>A new answer in an answered leg (hold, resume, a move): media follows it.</summary>
    public void ApplyRemote(NegotiationResult negotiated)
    {
        Negotiated = negotiated;
        if (Media is not { } leg) return;
        leg.SetRemote(NegotiatedEndpoints.Rtp(negotiated), NegotiatedEndpoints.Rtcp(negotiated));
        leg.CanSend = negotiated.CanSend;
    }

    /// <summary>Closes the media (RTCP BYE); the ports stay to be disposed by the call.</summary>
    public async ValueTask CloseMediaAsync()
    {
        if (Media is { } leg) await leg.DisposeAsync().ConfigureAwait(false);
    }

    public LiveLegInfo Describe() =>
        new(Role, CallId, Peer, SipState, Media?.Codec.ToString(), Media?.RemoteRtpEndPoint?.ToString());
}
