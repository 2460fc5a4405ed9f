using Softswitch.Calls.Records;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// Calls out through carriers: the route's trunks in order, each at the addresses RFC 3263 locates for it in turn; a
/// 5xx, 408 or no answer moves on to the next address, then the next trunk (failover). Each attempt holds a call slot
/// of its trunk (<c>max_calls</c>), given back when it fails; the answering one's slot stays with its leg until that leg
/// ends, even when a transfer moves the leg to another call (<see cref="TrunkSlots{TLeg}"/>).
/// </summary>
public sealed partial class BridgedCall
{
    private readonly Queue<(TrunkState Trunk, SipEndPoint Destination)> _trunkAttempts = new();
    private readonly Dictionary<CallLeg, TrunkState> _trunkOf = new();
    /// <summary>The trunk slots this call's connected legs hold; made on the first (most calls never touch a trunk).</summary>
    private TrunkSlots<CallLeg>? _heldSlots;

    private async ValueTask DialTrunksAsync(DialTarget target)
    {
        if (_context.Trunks is not { } trunks)
        {
            RefuseCaller(new BridgedCallEnd(HangupCauses.Failed, HangupSides.Switch, 503), "No Trunks");
            return;
        }

        foreach (var trunk in target.Trunks)
        {
            IReadOnlyList<SipEndPoint> destinations;
            try
            {
                destinations = await trunks.LocateAsync(trunk, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogTrunkNotLocated(CallId, trunk.Settings.Name, error.Message);
                continue;
            }

            foreach (var destination in destinations) _trunkAttempts.Enqueue((trunk, destination));
        }

        if (!HaveCalleePorts()) return;
        if (!StartNextTrunkAttempt())
        {
            RefuseCaller(new BridgedCallEnd(HangupCauses.Unavailable, HangupSides.Switch, 503), "No Trunk Available");
            return;
        }

        ArmRingTimer(target.RingTime);
    }

    /// <summary>The next address of a trunk with a free call slot; false when none is left.</summary>
    private bool StartNextTrunkAttempt()
    {
        while (_trunkAttempts.TryDequeue(out var attempt))
        {
            if (!attempt.Trunk.TryAcquireCall())
            {
                LogTrunkFull(CallId, attempt.Trunk.Settings.Name, attempt.Trunk.Settings.MaxCalls);
                continue;
            }

            var (fork, offer) = NewFork(attempt.Trunk.Settings.Name, _calleePorts!, _forks, _caller.Negotiated?.Codec);
            _trunkOf[fork] = attempt.Trunk;
            fork.Trunk = attempt.Trunk.Settings.Name;
            fork.Party = _target.Number;
            fork.Start(_context.Sessions, TrunkDialing.CreateInvite(attempt.Trunk, _target.Number, attempt.Destination, offer,
                Source.IsTrunk ? Caller : Source.OutsideNumber, CallerName));
            LogTrunkAttempt(CallId, attempt.Trunk.Settings.Name, attempt.Destination.ToString(), _target.Number);
            return true;
        }

        return false;
    }

    /// <summary>RFC 3263 §4.3: a 5xx or 408 (a timeout included) tries the next address or trunk; anything else is final.</summary>
    private async ValueTask OnTrunkFailedAsync(CalleeLeg fork, TrunkState trunk, int status)
    {
        trunk.ReleaseCall();
        if (status is 408 or (>= 500 and < 600) && StartNextTrunkAttempt()) return;
        var final = status is >= 500 and < 600 ? 503 : status;
        await NextStepOrRefuseAsync(null, BridgedCallEnd.Unanswered(final), null).ConfigureAwait(false);
    }

    /// <summary>The answering attempt's trunk keeps its slot until the call ends; the others gave theirs back.</summary>
    private void KeepTrunkOf(CallLeg answered)
    {
        if (_trunkOf.Remove(answered, out var trunk)) (_heldSlots ??= new()).Hold(answered, trunk);
        foreach (var (_, other) in _trunkOf) other.ReleaseCall();
        _trunkOf.Clear();
    }

    private void ReleaseTrunkSlots()
    {
        _heldSlots?.ReleaseAll();
        foreach (var (_, trunk) in _trunkOf) trunk.ReleaseCall();
        _trunkOf.Clear();
    }
}
