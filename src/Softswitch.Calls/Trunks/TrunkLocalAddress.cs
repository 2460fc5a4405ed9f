namespace Softswitch.Calls.Trunks;

/// <summary>Where carriers reach the switch: the host and port written in our Via and Contact.</summary>
public sealed record TrunkLocalAddress(string Host, int Port);
