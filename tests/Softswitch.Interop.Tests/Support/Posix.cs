using System.Runtime.InteropServices;

namespace Softswitch.Interop.Tests.Support;

/// <summary>Sends POSIX signals by PID (Process.Kill only sends SIGKILL); sets the umask children inherit.</summary>
public static class Posix
{
    private const int SigTerm = 15;

    public static void Terminate(int processId) => _ = Kill(processId, SigTerm);

    /// <summary>Sets this process's umask (inherited by the processes it starts) and returns the previous one.</summary>
    public static uint SetUmask(uint mask) => Umask(mask);

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
