using Softswitch.Calls.Features;
using Softswitch.Calls.Routing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Signalling;

/// <summary>
/// The ACD agents' feature codes: *50 logs the caller in, *51 out, *52 pauses it (digits after *52 are the reason code,
/// none is "pause"), *53 unpauses; each answered with a short confirmation prompt. An extension that is no agent gets 404.
/// </summary>
public sealed partial class SipRequestDispatcher
{
    public const string AgentLogIn = "*50";
    public const string AgentLogOut = "*51";
    public const string AgentPause = "*52";
    public const string AgentUnpause = "*53";

    /// <summary>True when <paramref name="dialled"/> was an agent code and the INVITE has been answered.</summary>
    private bool TryAgentCode(ServerTransaction invite, string caller, string dialled)
    {
        if (_calls!.Agents is not { } agents || !dialled.StartsWith("*5", StringComparison.Ordinal) || dialled.Length < AgentLogIn.Length) return false;
        bool? known = dialled switch
        {
            AgentLogIn => agents.LogIn(caller),
            AgentLogOut => agents.LogOut(caller),
            AgentUnpause => agents.Unpause(caller),
            _ when dialled.StartsWith(AgentPause, StringComparison.Ordinal) && dialled[AgentPause.Length..].All(char.IsAsciiDigit) =>
                agents.Pause(caller, dialled.Length > AgentPause.Length ? dialled[AgentPause.Length..] : "pause"),
            _ => null,
        };
        if (known is null) return false;
        if (known == false)
        {
            invite.Respond(404, "Not An Agent", toTag: SipIds.NewTag());
            LogFeatureCodeRefused(invite.Request.CallId, caller, dialled);
            return true;
        }

        LogFeatureCode(invite.Request.CallId, caller, dialled);
        var prompt = dialled is AgentLogIn or AgentUnpause ? "feature-on" : "feature-off";
        Answer(invite, ExtensionSource(invite, caller), new DialPlanRoute(dialled, RouteTarget.FeatureCode), new ConfirmationFeature(prompt));
        return true;
    }
}
