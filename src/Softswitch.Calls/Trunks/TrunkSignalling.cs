using Microsoft.Extensions.Logging;

namespace Softswitch.Calls.Trunks;

/// <summary>What a trunk's registration and keepalive loops share: where carriers are, how requests reach them, how they reach us, the clock and the log.</summary>
public sealed record TrunkSignalling(TrunkLocator Locator, ITrunkRequestSender Sender, TrunkLocalAddress Local, TimeProvider Time, ILogger Logger);
