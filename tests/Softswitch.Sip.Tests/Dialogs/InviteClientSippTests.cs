using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Dialogs;

/// <summary>
/// A calling session on the real stack (UDP on 127.0.0.1, real clock) against sipp as the callee: each scenario wants
/// what a callee checks (our ACK and BYE; PRACK with RAck, 200 to its re-INVITE and INFO), and sipp's exit code says
/// whether it got them.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class InviteClientSippTests
{
    [Test, Description("RFC 3261 §13.2.2.4, §15.1.1 against SIPp")]
    public async Task Session_calls_sipp_gets_ringing_and_answer_acks_and_hangs_up()
    {
        await CallSippAsync("callee-ack-bye.xml", async (session, owner) =>
        {
            Assert.That(owner.Provisional, Does.Contain(180));
            await Task.CompletedTask;
        });
    }

    [Test, Description("RFC 3262 §4, RFC 4028 §7.2, RFC 3261 §14.2, RFC 6086 against SIPp: PRACK, a session timer, the callee's re-INVITE and INFO")]
    public async Task Session_pracks_reliable_ringing_and_serves_the_callees_reinvite_and_info_from_sipp()
    {
        await CallSippAsync("callee-prack-reinvite-info.xml", async (session, owner) =>
        {
            Assert.That(owner.Provisional, Is.EqualTo(new[] { 180 }));
            Assert.That(session.SessionInterval, Is.EqualTo(TimeSpan.FromSeconds(1800)));
            Assert.That(session.IsSessionRefresher, Is.True);
            Assert.That(await owner.Info.Task.WaitAsync(TimeSpan.FromSeconds(10)), Does.Contain("Signal=5"));
            Assert.That(owner.Offers, Has.Count.EqualTo(1));
        });
    }

    private static async Task CallSippAsync(string scenario, Func<InviteClientSession, AwaitingClientOwner, Task> whileUp)
    {
        var user = new RouterUser();
        var options = new SipStackOptions
        {
            Transport = new SipTransportOptions { Address = IPAddress.Loopback, Port = 0 },
            Transports = [SipTransportKind.Udp],
        };
        await using var stack = new SipStack(options, user, TimeProvider.System, NullLoggerFactory.Instance);
        await stack.StartAsync(CancellationToken.None);
        var ourPort = stack.Transports.Single().LocalEndPoint.Port;
        var router = new SessionRouter(TimeProvider.System, new InviteSessionOptions { LocalHost = "127.0.0.1", LocalPort = ourPort });
        router.Attach(stack.Transactions, stack);
        user.Router = router;

        var sippPort = FreeUdpPort();
        using var sipp = StartSipp(scenario, sippPort, FreeUdpPort());
        try
        {
            await WaitUntilBoundAsync(sippPort, sipp);
            var owner = new AwaitingClientOwner();
            var session = router.StartClientSession(new OutgoingInvite
            {
                Target = SipUri.Parse($"sip:service@127.0.0.1:{sippPort}"),
                Destination = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, sippPort)),
                From = NameAddress.Parse("<sip:1001@127.0.0.1>"),
                SdpOffer = Encoding.UTF8.GetBytes(DialogMessages.Sdp("sendrecv").Replace("192.168.1.10", "127.0.0.1", StringComparison.Ordinal)),
            }, owner);

            var answer = await owner.Answered.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.That(Encoding.UTF8.GetString(answer), Does.Contain("m=audio"));
            Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
            await whileUp(session, owner);

            Assert.That(session.Hangup(), Is.True);
            Assert.That(await owner.Ended.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(InviteClientEnding.LocalHangup));
            await sipp.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            Assert.That(sipp.ExitCode, Is.EqualTo(0), await sipp.StandardError.ReadToEndAsync());
        }
        finally
        {
            if (!sipp.HasExited) sipp.Kill();
        }
    }

    private static Process StartSipp(string scenarioFile, int port, int mediaPort)
    {
        var scenario = Path.Combine(SourceFolder(), "Scenarios", scenarioFile);
        var info = new ProcessStartInfo("sipp")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { "-sf", scenario, "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", port.ToString(), "-mp", mediaPort.ToString(),
                     "-m", "1", "-nostdin", "-timeout", "20s" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        process.StandardOutput.ReadToEndAsync(); // drained so sipp's screen output never blocks it
        return process;
    }

    /// <summary>sipp has bound its port once ours can no longer bind it (an INVITE sent earlier would meet ICMP unreachable).</summary>
    private static async Task WaitUntilBoundAsync(int port, Process sipp)
    {
        for (var attempt = 0; attempt < 100 && !sipp.HasExited; attempt++)
        {
            try
            {
                using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            }
            catch (SocketException)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"sipp did not bind 127.0.0.1:{port}: {(sipp.HasExited ? await sipp.StandardError.ReadToEndAsync() : "still starting")}");
    }

    private static int FreeUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>The transaction user a dispatcher would be, reduced to the router.</summary>
    private sealed class RouterUser : ITransactionUser
    {
        public SessionRouter? Router { get; set; }

        public void OnRequest(ServerTransaction transaction)
        {
            if (Router?.TryHandleInDialog(transaction) != true) transaction.Respond(481);
        }

        public void OnAck(SipRequest ack, SipEndPoint source) => Router?.OnAck(ack, source);

        public void OnResponse(ClientTransaction transaction, SipResponse response) => Router?.OnResponse(transaction, response);

        public void OnTimeout(ClientTransaction transaction) => Router?.OnTimeout(transaction);

        public void OnServerFailure(ServerTransaction transaction) => Router?.OnServerFailure(transaction);

        public void OnStrayResponse(SipResponse response, SipEndPoint source) => Router?.OnStrayResponse(response, source);
    }

    private sealed class AwaitingClientOwner : IInviteClientSessionOwner
    {
        public TaskCompletionSource<byte[]> Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<InviteClientEnding> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<string> Info { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<int> Provisional { get; } = [];
        public List<string> Offers { get; } = [];

        public void OnProvisional(InviteClientSession session, int statusCode, ReadOnlyMemory<byte> sdp)
        {
            lock (Provisional) Provisional.Add(statusCode);
        }

        public void OnAnswered(InviteClientSession session, ReadOnlyMemory<byte> sdp) => Answered.TrySetResult(sdp.ToArray());

        public void OnFailed(InviteClientSession session, int statusCode, string reason) =>
            Answered.TrySetException(new AssertionException($"failed: {statusCode} {reason}"));

        public void OnEnded(InviteClientSession session, InviteClientEnding ending) => Ended.TrySetResult(ending);

        /// <summary>Hold from the callee: answered recvonly at once (a real owner would post it to its mailbox first).</summary>
        public void OnReInvite(InviteClientSession session, ReadOnlyMemory<byte> offer)
        {
            lock (Offers) Offers.Add(Encoding.UTF8.GetString(offer.Span));
            session.AnswerReInvite(Encoding.UTF8.GetBytes(DialogMessages.Sdp("recvonly").Replace("192.168.1.10", "127.0.0.1", StringComparison.Ordinal)));
        }

        public void OnInfo(InviteClientSession session, string? contentType, ReadOnlyMemory<byte> body) =>
            Info.TrySetResult(Encoding.UTF8.GetString(body.Span));
    }
}
