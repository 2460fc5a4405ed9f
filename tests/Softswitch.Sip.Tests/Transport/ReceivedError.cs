using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>A framing error the <see cref="RecordingSink"/> was told about.</summary>
internal sealed record ReceivedError(SipFramingError Error, SipEndPoint Source);
