namespace Softswitch.Acd.Tests.Support;

/// <summary>An invariant broken during a generated script (FsCheck then shrinks the script).</summary>
internal sealed class PropertyViolation(string message) : Exception(message);
