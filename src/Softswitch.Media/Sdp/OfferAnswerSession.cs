using System.Globalization;

namespace Softswitch.Media.Sdp;

/// <summary>
/// The RFC 3264 offer/answer state machine for one call leg, independent of SIP: the INVITE session tells it
/// which SDP went out and came in, and it answers with descriptions and <see cref="NegotiationResult"/>s.
/// <para>
/// Idle/Stable --CreateOffer--> OfferSent --ReceiveAnswer--> Stable;
/// Idle/Stable --ReceiveOffer--> OfferReceived --CreateAnswer--> Stable.
/// A rejected offer or a broken answer leaves the previous state; <see cref="Rollback"/> withdraws a pending
/// offer (e.g. the re-INVITE failed). Calls in any other state are programmer errors and throw
/// <see cref="InvalidOperationException"/> (a SIP glare, RFC 3261 §14.2, must be caught before: 491).
/// </para>
/// Not thread-safe: the call's actor owns it.
/// </summary>
public sealed class OfferAnswerSession
{
    private static long s_sessionCounter;

    private readonly string _sessionId;
    private LocalMediaOptions _options;
    private ulong _version;
    private string? _lastSentBody;
    private string? _originAddress;
    private string _originAddressType = "IP4";
    private OfferAnswerState _stateBeforeExchange;
    private SessionDescription? _pendingOffer;
    private NegotiationResult? _pendingResult;

    /// <param name="options">Our address, port and codecs.</param>
    /// <param name="timeProvider">Seeds the o= session id with NTP seconds (RFC 8866 §5.2).</param>
    public OfferAnswerSession(LocalMediaOptions options, TimeProvider timeProvider)
    {
        options.Validate();
        _options = options;
        var ntpSeconds = (ulong)timeProvider.GetUtcNow().ToUnixTimeSeconds() + 2_208_988_800UL;
        // Seconds alone would collide for two calls set up in the same second.
        var sequence = (ulong)Interlocked.Increment(ref s_sessionCounter) % 1000;
        _sessionId = (ntpSeconds * 1000 + sequence).ToString(CultureInfo.InvariantCulture);
        _version = 1;
    }

    public OfferAnswerState State { get; private set; } = OfferAnswerState.Idle;

    /// <summary>Our address, port and codecs; may change between exchanges (takes effect in the next description).</summary>
    public LocalMediaOptions Options
    {
        get => _options;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            _options = value;
        }
    }

    /// <summary>
    /// We hold the call: our next offer says sendonly (inactive if the peer holds too, RFC 6337 §5.3) and our
    /// answers never say we receive.
    /// </summary>
    public bool LocalHold { get; set; }

    /// <summary>The description we last committed (sent offer that got answered, or sent answer).</summary>
    public SessionDescription? LocalDescription { get; private set; }

    /// <summary>The peer's description from the last completed exchange.</summary>
    public SessionDescription? RemoteDescription { get; private set; }

    /// <summary>What the last completed exchange agreed; null before the first.</summary>
    public NegotiationResult? Negotiated { get; private set; }

    /// <summary>The o= session id we use.</summary>
    public string SessionId => _sessionId;

    /// <summary>Creates an offer (initial or re-offer) and moves to <see cref="OfferAnswerState.OfferSent"/>.</summary>
    public SessionDescription CreateOffer()
    {
        RequireState(nameof(CreateOffer), OfferAnswerState.Idle, OfferAnswerState.Stable);
        var direction = !LocalHold ? SdpMediaDirection.SendRecv
            : Negotiated is { RemoteHold: true } ? SdpMediaDirection.Inactive
            : SdpMediaDirection.SendOnly;
        var offer = SdpOfferBuilder.Build(_options, Origin(_version), direction);
        Stamp(offer);
        _pendingOffer = offer;
        _stateBeforeExchange = State;
        State = OfferAnswerState.OfferSent;
        return offer;
    }

    /// <summary>
    /// Reads the answer to our offer. Accepted: moves to <see cref="OfferAnswerState.Stable"/>. Otherwise the
    /// offer is dead and the state returns to where it was; the caller ends or keeps the old session.
    /// </summary>
    public NegotiationResult ReceiveAnswer(SessionDescription answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        RequireState(nameof(ReceiveAnswer), OfferAnswerState.OfferSent);
        var offer = _pendingOffer!;
        var result = SdpAnswerReader.Read(offer, answer, _options);
        if (result.IsAccepted)
        {
            LocalDescription = offer;
            RemoteDescription = answer;
            Negotiated = result;
            State = OfferAnswerState.Stable;
        }
        else
        {
            State = _stateBeforeExchange;
        }
        _pendingOffer = null;
        return result;
    }

    /// <summary>
    /// Takes an offer (initial or re-offer) and works out the answer, available in
    /// <see cref="NegotiationResult.Answer"/> and from <see cref="CreateAnswer"/>. When it is not acceptable
    /// the state does not change and the result carries the SIP status to reject with (488).
    /// </summary>
    public NegotiationResult ReceiveOffer(SessionDescription offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        RequireState(nameof(ReceiveOffer), OfferAnswerState.Idle, OfferAnswerState.Stable);
        var result = SdpNegotiator.AnswerOffer(offer, _options, LocalHold, Origin(_version));
        if (!result.IsAccepted)
        {
            return result;
        }
        var answer = result.Answer!;
        if (IsChangedFromLastSent(answer))
        {
            answer.Origin = Origin(_version + 1);
        }
        _pendingOffer = offer;
        _pendingResult = result;
        _stateBeforeExchange = State;
        State = OfferAnswerState.OfferReceived;
        return result;
    }

    /// <summary>Commits and returns the answer to the offer taken by <see cref="ReceiveOffer"/>.</summary>
    public SessionDescription CreateAnswer()
    {
        RequireState(nameof(CreateAnswer), OfferAnswerState.OfferReceived);
        var result = _pendingResult!;
        var answer = result.Answer!;
        Stamp(answer);
        LocalDescription = answer;
        RemoteDescription = _pendingOffer;
        Negotiated = result;
        _pendingOffer = null;
        _pendingResult = null;
        State = OfferAnswerState.Stable;
        return answer;
    }

    /// <summary>Abandons a pending offer (sent or received) and returns to the state before it.</summary>
    public void Rollback()
    {
        RequireState(nameof(Rollback), OfferAnswerState.OfferSent, OfferAnswerState.OfferReceived);
        _pendingOffer = null;
        _pendingResult = null;
        State = _stateBeforeExchange;
    }

    private SdpOrigin Origin(ulong version)
    {
        var address = _options.Address;
        if (!ReferenceEquals(address, _originAddress))
        {
            // Parsed once per address, not on every offer, answer and version check.
            _originAddressType = SdpConnection.AddressTypeOf(address);
            _originAddress = address;
        }
        return new SdpOrigin(_options.Username, _sessionId, version, "IN", _originAddressType, address);
    }

    /// <summary>
    /// RFC 3264 §8: the version goes up by one when the description differs from the last one we sent,
    /// and stays when it is identical (a session refresh).
    /// </summary>
    private void Stamp(SessionDescription description)
    {
        if (IsChangedFromLastSent(description))
        {
            _version++;
        }
        description.Origin = Origin(_version);
        _lastSentBody = SdpWriter.WriteToString(description);
    }

    private bool IsChangedFromLastSent(SessionDescription description)
    {
        if (_lastSentBody is null)
        {
            return false;
        }
        var saved = description.Origin;
        description.Origin = Origin(_version);
        var changed = SdpWriter.WriteToString(description) != _lastSentBody;
        description.Origin = saved;
        return changed;
    }

    private void RequireState(string operation, params OfferAnswerState[] allowed)
    {
        if (Array.IndexOf(allowed, State) < 0)
        {
            throw new InvalidOperationException(
                $"{operation} is not allowed in state {State}; expected {string.Join(" or ", allowed)} (RFC 3264 §4).");
        }
    }
}
