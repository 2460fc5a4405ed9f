namespace Softswitch.Interop.Tests.Support;

/// <summary>What an external tool did: its exit code and everything it printed.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    public override string ToString() =>
        $"exit {ExitCode}{(TimedOut ? " (timed out, killed)" : "")}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
