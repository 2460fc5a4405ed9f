namespace Softswitch.Sip.Messages;

/// <summary>One header field line as received: name as written (compact or long), value with folding collapsed.</summary>
public readonly record struct SipHeaderField(SipHeaderId Id, string Name, string Value);
