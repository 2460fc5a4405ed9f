using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>A message the <see cref="RecordingSink"/> was given, copied.</summary>
internal sealed record ReceivedMessage(string Text, SipEndPoint Source, ISipTransport Transport);
