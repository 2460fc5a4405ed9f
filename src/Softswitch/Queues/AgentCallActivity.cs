using Softswitch.Calls.Presence;

namespace Softswitch.Queues;

/// <summary>
/// Feeds the ACD which agents are on a call: it watches the agents' extensions on the busy-lamp board (every dialog
/// of their phones, calls they make and calls they get, ringing or talking) and posts each new count. The ACD tells
/// its own offer or queue call apart from the others, so an agent on a direct call is not offered until it hangs up.
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
            if (dialog.State != DialogState.Terminated) live++;
        }

        acd.SetAgentDialogs(change.Extension, live);
    }
}
