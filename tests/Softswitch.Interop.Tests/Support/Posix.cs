using System.Runtime.InteropServices;

namespace Softswitch.Interop.Tests.Support;

/// <summary>Sends POSIX signals by PID (Process.Kill only sends SIGKILL).</summary>
public static class Posix
{
    private const int SigTerm = 15;

    public static void Terminate(int processId) => _ = Kill(processId, SigTerm);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
