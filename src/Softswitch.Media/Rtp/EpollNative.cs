using System.Runtime.InteropServices;

namespace Softswitch.Media.Rtp;

/// <summary>
/// Linux epoll, as <see cref="RtpPoller"/> uses it. Event records cross as a byte buffer because their layout differs
/// by architecture: <c>struct epoll_event</c> is packed on x86-64 (12 bytes: events, then the 64-bit data at offset 4)
/// and naturally aligned elsewhere (16 bytes, data at offset 8).
/// </summary>
internal static class EpollNative
{
    public const int CloseOnExec = 0x80000; // EPOLL_CLOEXEC
    public const int Add = 1; // EPOLL_CTL_ADD
    public const int Delete = 2; // EPOLL_CTL_DEL
    public const uint Readable = 0x001; // EPOLLIN
    public const int Interrupted = 4; // EINTR

    public static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    public static readonly int DataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    [DllImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    public static extern int Create(int flags);

    [DllImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    public static extern int Control(int epoll, int operation, int fd, ref byte eventRecord);

    [DllImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    public static extern int Wait(int epoll, ref byte eventRecords, int maxEvents, int timeoutMilliseconds);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);

    /// <summary>Writes one event record asking for <paramref name="events"/> with <paramref name="data"/>.</summary>
    public static void WriteEvent(Span<byte> record, uint events, ulong data)
    {
        record.Clear();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(record, events);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(record[DataOffset..], data);
    }

    /// <summary>The data of the <paramref name="index"/>th record of a buffer epoll_wait filled.</summary>
    public static ulong ReadData(ReadOnlySpan<byte> records, int index) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(records[(index * EventSize + DataOffset)..]);
}
