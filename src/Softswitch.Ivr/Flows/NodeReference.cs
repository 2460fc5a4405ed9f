using Softswitch.Ivr.Loading;

namespace Softswitch.Ivr.Flows;

/// <summary>A node named by another (a <c>next</c>, a menu key's target), with where it was named for the validator.</summary>
public sealed record NodeReference(string Name, SourcePosition Position);
