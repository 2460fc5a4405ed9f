namespace Softswitch.Calls.Trunks;

/// <summary>One SRV record (RFC 2782): lower priority first; within a priority, chosen in proportion to weight.</summary>
public readonly record struct SrvTarget(ushort Priority, ushort Weight, ushort Port, string Host);
