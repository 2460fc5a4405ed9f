using Dapper;
using Microsoft.Data.Sqlite;

namespace Softswitch.Storage.Agents;

/// <summary>Reads and writes <c>agent_states</c>: ACD agents logged out or paused (with the reason), kept across restarts.</summary>
public sealed class AgentStateRepository(SqliteDatabase database)
{
    /// <summary>Writes the states in order, in one transaction (the last one of an agent wins).</summary>
    public async Task SaveAsync(IReadOnlyCollection<StoredAgentState> states, CancellationToken cancellationToken = default)
    {
        if (states.Count == 0) return;
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var state in states)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT OR REPLACE INTO agent_states (agent, state, pause_reason, changed_at)
                VALUES (@Agent, @State, @PauseReason, @ChangedAt)
                """,
                new
                {
                    state.Agent,
                    State = !state.LoggedIn ? "logged_out" : state.PauseReason is null ? "logged_in" : "paused",
                    PauseReason = state.LoggedIn ? state.PauseReason : null,
                    ChangedAt = StorageTime.ToText(state.ChangedAt),
                }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredAgentState>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Agent, string State, string? PauseReason, string ChangedAt)>(new CommandDefinition(
            "SELECT agent, state, pause_reason, changed_at FROM agent_states ORDER BY agent", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(row => new StoredAgentState(row.Agent, row.State != "logged_out",
            row.State == "paused" ? row.PauseReason ?? "pause" : null, StorageTime.FromText(row.ChangedAt))).ToList();
    }
}
