using Softswitch.Calls.Presence;

namespace Softswitch.Queues;

/// <summary>
/// Feeds the ACD which agents are on a call: it watches the agents' extensions on the busy-lamp board (every dialog
/// of their phones, calls they make and calls they get, ringing or talking; not calls to feature codes) and posts each
/// new count. The ACD tells its own offer or queue call apart from the others, so an agent on a direct call is not
/// offered until it hangs up.
/// Runs on the board's loop; it only posts.
/// </summary>
internal sealed class AgentCallActivity(AcdService acd, IEnumerable<string> agents) : IExtensionActivityObserver
{
    private readonly HashSet<string> _agents = new(agents, StringComparer.Ordinal);

    public bool Watches(string extension) => _agents.Contains(extension);

    public void OnActivity(ExtensionActivityChange change)
    {
        var live = 0;
        foreach (var dialog in change.Dialogs)
        {
            if (dialog.State != DialogState.Terminated && !ToFeatureCode(dialog)) live++;
        }

        acd.SetAgentDialogs(change.Extension, live);
    }

    /// <summary>
    /// A call the agent made to one of the switch's feature codes (*50 to log in, *53 to unpause, *43 …) is no
    /// conversation: it neither makes the agent busy nor counts as its last call for longest-idle.
    /// </summary>
    private static bool ToFeatureCode(DialogActivity dialog) =>
        dialog.Direction == DialogDirection.Initiator && dialog.RemoteUri.StartsWith("sip:*", StringComparison.Ordinal);
}
