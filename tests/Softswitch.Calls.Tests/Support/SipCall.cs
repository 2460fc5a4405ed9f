using System.Text;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Support;

/// <summary>
/// One call as a phone's SIP stack places it on the <see cref="CallSwitch"/>: INVITE, the 407 challenge answered
/// (ACK, then INVITE again with CSeq + 1 and Proxy-Authorization), ACK, BYE, re-INVITE, INFO and CANCEL in the dialog,
/// and 200 for the switch's BYE. It keeps the dialog state a phone keeps: Call-ID, tags, CSeq, the remote target.
/// The INVITE's Request-URI is <c>sip:dialled@host</c> (the switch's domain unless a test aims elsewhere);
/// <c>extraInviteHeaders</c> (whole lines with CRLF) go into every INVITE.
/// </summary>
internal sealed class SipCall(CallSwitch sip, string extension, string dialled, string host = CallSwitch.Domain, string? callId = null,
    string? extraInviteHeaders = null)
{
    private const string PhoneHost = "127.0.0.1:5099";

    private readonly string _fromTag = "ph" + Guid.NewGuid().ToString("N")[..10];
    private uint _cseq;
    private uint _inviteCSeq;
    private string _inviteBranch = "";
    private string? _toTag;
    private string _lastInvite = "";
    private string _target = $"sip:{dialled}@{host}";

    public string CallId { get; } = callId ?? Guid.NewGuid().ToString("N") + "@phone.test";

    /// <summary>The switch's final answer to the INVITE, once <see cref="WaitForFinalAsync"/> has seen it.</summary>
    public SipResponse? Final { get; private set; }

    /// <summary>
    /// Sends the INVITE (with <paramref name="sdp"/>, or none for a late offer), answers the switch's 407 as phones do,
    /// and returns once the authenticated INVITE is in; its answers are read with <see cref="WaitForResponseAsync"/>.
    /// </summary>
    public async Task InviteAsync(string? sdp, bool acknowledgeChallenge = true)
    {
        var first = SendInvite(sdp, authorization: null);
        FirstInvite = _lastInvite;
        var challenge = await WaitForResponseAsync(r => r.CSeq.Number == first && r.StatusCode >= 200, "answer to the first INVITE");
        Assert.That(challenge.StatusCode, Is.EqualTo(407), "an INVITE without credentials is challenged");
        if (acknowledgeChallenge) AckInTransaction(challenge); // false: the ACK is lost on the way
        SendInvite(sdp, Authorization(challenge));
    }

    /// <summary>The first INVITE (without credentials) exactly as sent, to deliver a late copy of it.</summary>
    public string FirstInvite { get; private set; } = "";

    /// <summary>
    /// From now on name the switch's tag <paramref name="toTag"/> in the To of our requests: what sipp does when a late
    /// response (a retransmitted 407) arrives after the 200, since it keeps the To tag of the last response it received.
    /// </summary>
    public void AdoptToTag(string toTag) => _toTag = toTag;

    /// <summary>Sends the INVITE with no credentials, for answers that come before the challenge; read them with <see cref="WaitForResponseAsync"/>.</summary>
    public void SendInviteWithoutCredentials(string? sdp) => SendInvite(sdp, authorization: null);

    /// <summary>The first response to our current INVITE with <paramref name="statusCode"/>.</summary>
    public Task<SipResponse> WaitForInviteResponseAsync(int statusCode) =>
        WaitForResponseAsync(r => r.CSeq.Number == _inviteCSeq && r.CSeq.Method == SipMethod.Invite && r.StatusCode == statusCode,
            $"{statusCode} to the INVITE");

    /// <summary>The final response to the INVITE; a failure is acknowledged in its transaction, a 2xx is left for <see cref="Ack"/>.</summary>
    public async Task<SipResponse> WaitForFinalAsync()
    {
        var final = await WaitForResponseAsync(r => r.CSeq.Number == _inviteCSeq && r.CSeq.Method == SipMethod.Invite && r.StatusCode >= 200,
            "final response to the INVITE");
        Final = final;
        _toTag = final.To.Tag;
        if (final.IsSuccess)
        {
            if (final.Contacts.Count > 0) _target = final.Contacts[0].Uri.ToString();
        }
        else
        {
            AckInTransaction(final);
        }

        return final;
    }

    /// <summary>Places the call and returns the final answer (ACK not yet sent).</summary>
    public async Task<SipResponse> CallAsync(string? sdp)
    {
        await InviteAsync(sdp);
        return await WaitForFinalAsync();
    }

    /// <summary>The ACK for the 2xx (§13.2.2.4): a new transaction, the INVITE's CSeq number, the answer if we owe one.</summary>
    public void Ack(string? sdp = null) => sip.Receive(InDialog("ACK", _inviteCSeq, NewBranch(), sdp));

    public async Task<SipResponse> ByeAsync()
    {
        var cseq = ++_cseq;
        sip.Receive(InDialog("BYE", cseq, NewBranch(), null));
        return await WaitForResponseAsync(r => r.CSeq.Number == cseq && r.CSeq.Method == SipMethod.Bye && r.StatusCode >= 200, "answer to our BYE");
    }

    /// <summary>
    /// A re-INVITE with <paramref name="sdp"/> (null: no offer, the switch must make one); the answer is acknowledged as
    /// §13.2.2.4 and §17.1.1.3 say, a 2xx's ACK carrying <paramref name="ackSdp"/> when we owe the answer.
    /// </summary>
    public async Task<SipResponse> ReInviteAsync(string? sdp, string? ackSdp = null)
    {
        var cseq = ++_cseq;
        var branch = NewBranch();
        sip.Receive(InDialog("INVITE", cseq, branch, sdp));
        var final = await WaitForResponseAsync(r => r.CSeq.Number == cseq && r.CSeq.Method == SipMethod.Invite && r.StatusCode >= 200,
            "final response to the re-INVITE");
        sip.Receive(InDialog("ACK", cseq, final.IsSuccess ? NewBranch() : branch, final.IsSuccess ? ackSdp : null));
        return final;
    }

    /// <summary>A key press by SIP INFO (application/dtmf-relay, as Cisco and most desk phones send it).</summary>
    public async Task<SipResponse> InfoAsync(char digit)
    {
        var cseq = ++_cseq;
        sip.Receive(InDialog("INFO", cseq, NewBranch(), $"Signal={digit}\r\nDuration=160\r\n", "application/dtmf-relay"));
        return await WaitForResponseAsync(r => r.CSeq.Number == cseq && r.CSeq.Method == SipMethod.Info && r.StatusCode >= 200, "answer to INFO");
    }

    /// <summary>CANCEL for the pending INVITE (§9.1: same branch, Request-URI, Call-ID, From, To and CSeq number).</summary>
    public async Task<SipResponse> CancelAsync()
    {
        sip.Receive(
            $"CANCEL sip:{dialled}@{CallSwitch.Domain} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP {PhoneHost};branch={_inviteBranch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:{extension}@{CallSwitch.Domain}>;tag={_fromTag}\r\n" +
            $"To: <sip:{dialled}@{CallSwitch.Domain}>\r\n" +
            $"Call-ID: {CallId}\r\n" +
            $"CSeq: {_inviteCSeq} CANCEL\r\n" +
            "Content-Length: 0\r\n\r\n");
        return await WaitForResponseAsync(r => r.CSeq.Number == _inviteCSeq && r.CSeq.Method == SipMethod.Cancel && r.StatusCode >= 200,
            "answer to CANCEL");
    }

    /// <summary>Waits for the switch to hang up with BYE, and answers it 200 as the phone would.</summary>
    public async Task<SipRequest> WaitForByeAndAnswerAsync()
    {
        var bye = await sip.WaitForAsync<SipRequest>(r => r.CallId == CallId && r.Method == SipMethod.Bye, $"BYE for {CallId}");
        var response = new StringBuilder("SIP/2.0 200 OK\r\n");
        foreach (var via in bye.GetHeaderValues("Via")) response.Append($"Via: {via}\r\n");
        response.Append($"From: {bye.GetFirstHeaderValue("From")}\r\n")
            .Append($"To: {bye.GetFirstHeaderValue("To")}\r\n")
            .Append($"Call-ID: {bye.CallId}\r\n")
            .Append($"CSeq: {bye.CSeq}\r\n")
            .Append("Content-Length: 0\r\n\r\n");
        sip.Receive(response.ToString());
        return bye;
    }

    /// <summary>Every response the switch sent on this call so far.</summary>
    public List<SipResponse> Responses() => sip.Sent().OfType<SipResponse>().Where(r => r.CallId == CallId).ToList();

    public Task<SipResponse> WaitForResponseAsync(Func<SipResponse, bool> match, string what) =>
        sip.WaitForAsync<SipResponse>(r => r.CallId == CallId && r.From.Tag == _fromTag && match(r), what);

    private uint SendInvite(string? sdp, string? authorization)
    {
        _inviteCSeq = ++_cseq;
        _inviteBranch = NewBranch();
        sip.Receive(_lastInvite =
            $"INVITE sip:{dialled}@{host} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP {PhoneHost};branch={_inviteBranch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: \"Phone {extension}\" <sip:{extension}@{CallSwitch.Domain}>;tag={_fromTag}\r\n" +
            $"To: <sip:{dialled}@{CallSwitch.Domain}>\r\n" +
            $"Call-ID: {CallId}\r\n" +
            $"CSeq: {_inviteCSeq} INVITE\r\n" +
            $"Contact: <sip:{extension}@{PhoneHost}>\r\n" +
            (authorization is null ? "" : $"Proxy-Authorization: {authorization}\r\n") +
            extraInviteHeaders +
            "Allow: INVITE, ACK, CANCEL, BYE, INFO\r\n" +
            "User-Agent: calls-test-phone/1.0\r\n" +
            Body(sdp, "application/sdp"));
        return _inviteCSeq;
    }

    /// <summary>§17.1.1.3: the ACK for a non-2xx final response belongs to the INVITE's transaction (same branch).</summary>
    private void AckInTransaction(SipResponse final) =>
        sip.Receive(
            $"ACK sip:{dialled}@{host} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP {PhoneHost};branch={final.TopVia.Branch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:{extension}@{CallSwitch.Domain}>;tag={_fromTag}\r\n" +
            $"To: <sip:{dialled}@{CallSwitch.Domain}>;tag={final.To.Tag}\r\n" +
            $"Call-ID: {CallId}\r\n" +
            $"CSeq: {final.CSeq.Number} ACK\r\n" +
            "Content-Length: 0\r\n\r\n");

    private string InDialog(string method, uint cseq, string branch, string? body, string contentType = "application/sdp") =>
        $"{method} {_target} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {PhoneHost};branch={branch};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:{extension}@{CallSwitch.Domain}>;tag={_fromTag}\r\n" +
        $"To: <sip:{dialled}@{CallSwitch.Domain}>;tag={_toTag ?? throw new InvalidOperationException("no dialog yet")}\r\n" +
        $"Call-ID: {CallId}\r\n" +
        $"CSeq: {cseq} {method}\r\n" +
        $"Contact: <sip:{extension}@{PhoneHost}>\r\n" +
        Body(body, contentType);

    private static string Body(string? body, string contentType) => body is null
        ? "Content-Length: 0\r\n\r\n"
        : $"Content-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    /// <summary>The Proxy-Authorization a phone computes for the MD5 challenge (qop=auth).</summary>
    private string Authorization(SipResponse challenge)
    {
        var header = challenge.GetHeaderValues("Proxy-Authenticate").First(h => h.Contains("algorithm=MD5", StringComparison.Ordinal));
        var realm = Param(header, "realm")!;
        var nonce = Param(header, "nonce")!;
        var opaque = Param(header, "opaque");
        var uri = $"sip:{dialled}@{host}";
        const string cnonce = "5d1e0a77";
        var response = DigestCalculator.ComputeResponse(DigestAlgorithm.Md5, extension, realm, CallSwitch.PasswordOf(extension), "INVITE", uri,
            nonce, "auth", "00000001", cnonce);
        return $"Digest username=\"{extension}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", " +
               $"algorithm=MD5, qop=auth, nc=00000001, cnonce=\"{cnonce}\"" + (opaque is null ? "" : $", opaque=\"{opaque}\"");
    }

    private static string? Param(string header, string name)
    {
        var key = name + "=\"";
        var at = header.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) return null;
        var start = at + key.Length;
        return header[start..header.IndexOf('"', start)];
    }

    private static string NewBranch() => "z9hG4bK" + Guid.NewGuid().ToString("N")[..16];
}
