using Dapper;
using Microsoft.Data.Sqlite;

namespace Softswitch.Storage.Extensions;

/// <summary>Reads and writes <c>extension_settings</c>: feature-code changes kept across restarts.</summary>
public sealed class ExtensionSettingsRepository(SqliteDatabase database)
{
    /// <summary>Writes the settings in order, in one transaction (the last one of an extension wins).</summary>
    public async Task SaveAsync(IReadOnlyCollection<StoredExtensionSetting> settings, CancellationToken cancellationToken = default)
    {
        if (settings.Count == 0) return;
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var setting in settings)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT OR REPLACE INTO extension_settings (extension, dnd, forward_always, changed_at)
                VALUES (@Extension, @Dnd, @ForwardAlways, @ChangedAt)
                """,
                new
                {
                    setting.Extension,
                    Dnd = setting.DoNotDisturb is { } dnd ? (dnd ? 1 : 0) : (int?)null,
                    setting.ForwardAlways,
                    ChangedAt = StorageTime.ToText(setting.ChangedAt),
                }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredExtensionSetting>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Extension, long? Dnd, string? ForwardAlways, string ChangedAt)>(new CommandDefinition(
            "SELECT extension, dnd, forward_always, changed_at FROM extension_settings ORDER BY extension",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(row => new StoredExtensionSetting(row.Extension, row.Dnd is { } dnd ? dnd != 0 : null, row.ForwardAlways,
            StorageTime.FromText(row.ChangedAt))).ToList();
    }
}
