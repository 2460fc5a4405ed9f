namespace Softswitch.Storage.CallRecords;

/// <summary>One leg's media in a row of <c>calls</c> (the <c>caller_*</c> or <c>callee_*</c> columns).</summary>
public sealed record StoredCallLeg(
    string CallId,
    string Codec,
    string RemoteMedia,
    long PacketsSent,
    long PacketsReceived,
    long PacketsLost,
    double JitterMs,
    long? PeerReportedLost);
