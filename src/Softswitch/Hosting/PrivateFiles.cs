using System.Runtime.InteropServices;

namespace Softswitch.Hosting;

/// <summary>
/// Keeps what the switch writes away from other users of the machine: the database (and its -wal and -shm), the logs
/// and the recordings hold calls, numbers and who called whom. Folders are created 0750 and files 0640 (owner writes,
/// its group reads, e.g. for backups; nobody else), whatever umask the switch was started with.
/// </summary>
/// <remarks>
/// The mode of a new file is the creator's requested mode less the process umask, and most of these files are
/// created by libraries (SQLite, Serilog) that ask for 0644/0666. Setting the umask to 027 first thing makes every
/// creation in the process come out right, including files a library adds later (a new day's log).
/// </remarks>
internal static class PrivateFiles
{
    /// <summary>Octal 027: no write for the group, nothing for others.</summary>
    private const uint Umask = 0b000_010_111;

    /// <summary>Sets the process umask (on Unix; Windows has ACLs instead and is left alone).</summary>
    public static void Restrict()
    {
        if (OperatingSystem.IsWindows()) return;
        _ = SetUmask(Umask);
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);
}
