using Softswitch.Storage;
using Softswitch.Storage.Agents;

namespace Softswitch.Queues;

/// <summary>
/// Keeps the agents' states in <c>agent_states</c>: read before the ACD starts, each later change (log in/out, pause
/// with its reason, unpause) queued from the ACD's loop to a background writer, so the loop never waits for the disk.
/// </summary>
internal sealed class AgentStatePersistence(AgentStateRepository repository, BackgroundBatchWriter<StoredAgentState> writer)
{
    /// <summary>The states kept before the restart; each later change of <paramref name="acd"/>'s agents is queued for the disk.</summary>
    public async Task<IReadOnlyList<KeptAgentState>> AttachAsync(AcdService acd, CancellationToken cancellationToken)
    {
        var stored = await repository.LoadAsync(cancellationToken).ConfigureAwait(false);
        acd.AgentStateKept = state => writer.TryEnqueue(new StoredAgentState(state.Agent, state.LoggedIn, state.PauseReason, state.ChangedAt));
        return [.. stored.Select(row => new KeptAgentState(row.Agent, row.LoggedIn, row.PauseReason, row.ChangedAt))];
    }
}
