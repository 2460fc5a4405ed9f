using Softswitch.Calls.Bridging;
using Softswitch.Calls.Features;
using Softswitch.Calls.Routing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Signalling;

/// <summary>
/// Feature codes an extension dials to change how it takes calls: *72NUMBER forwards every call to another extension,
/// *73 stops forwarding, *78 turns do-not-disturb on, *79 off: each answered with a short confirmation prompt. *8 picks
/// up the oldest call ringing an extension of the caller's pickup group.
/// A route with the same number comes first (an administrator may reuse a code).
/// </summary>
public sealed partial class SipRequestDispatcher
{
    public const string ForwardOn = "*72";
    public const string ForwardOff = "*73";
    public const string DoNotDisturbOn = "*78";
    public const string DoNotDisturbOff = "*79";
    public const string Pickup = "*8";

    /// <summary>True when <paramref name="dialled"/> was a feature code and the INVITE has been answered.</summary>
    private bool TryFeatureCode(ServerTransaction invite, string caller, string dialled)
    {
        if (TryAgentCode(invite, caller, dialled)) return true;
        if (_calls!.Targets?.Overrides is not { } overrides || !dialled.StartsWith('*')) return false;
        if (dialled == Pickup)
        {
            PickUp(invite, caller);
            return true;
        }

        string prompt;
        switch (dialled)
        {
            case DoNotDisturbOn:
                overrides.SetDoNotDisturb(caller, true);
                prompt = "feature-on";
                break;
            case DoNotDisturbOff:
                overrides.SetDoNotDisturb(caller, false);
                prompt = "feature-off";
                break;
            case ForwardOff:
                overrides.SetForwardAlways(caller, null);
                prompt = "feature-off";
                break;
            case var code when code.StartsWith(ForwardOn, StringComparison.Ordinal) && code.Length > ForwardOn.Length:
                var target = dialled[ForwardOn.Length..];
                if (target == caller || !_calls.Targets.IsExtension(target))
                {
                    invite.Respond(404, "No Such Extension To Forward To", toTag: SipIds.NewTag());
                    LogFeatureCodeRefused(invite.Request.CallId, caller, dialled);
                    return true;
                }

                overrides.SetForwardAlways(caller, target);
                prompt = "feature-on";
                break;
            default:
                return false;
        }

        LogFeatureCode(invite.Request.CallId, caller, dialled);
        Answer(invite, ExtensionSource(invite, caller), new DialPlanRoute(dialled, RouteTarget.FeatureCode), new ConfirmationFeature(prompt));
        return true;
    }

    /// <summary>*8: the oldest call ringing a phone of the caller's pickup group takes this INVITE as its answer; none: 480.</summary>
    private void PickUp(ServerTransaction invite, string caller)
    {
        var group = _calls!.Targets!.PickupGroupOf(caller);
        var ringing = _calls.Active.Snapshot().OfType<BridgedCall>().Where(call => call.IsRinging(group, caller))
            .OrderBy(call => call.Started).FirstOrDefault();
        if (ringing is null)
        {
            invite.Respond(480, "Nothing To Pick Up", toTag: SipIds.NewTag());
            LogNothingToPickUp(invite.Request.CallId, caller);
            return;
        }

        LogFeatureCode(invite.Request.CallId, caller, Pickup);
        ringing.Post(new PickupRequested(invite, caller));
    }
}
