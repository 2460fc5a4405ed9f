using Microsoft.Data.Sqlite;

namespace Softswitch.Interop.Tests.Support;

/// <summary>Every column of the running switch's <c>calls</c> rows, as column name → text (NULL as null); CallRows reads a typed subset.</summary>
public static class CallTable
{
    /// <summary>Waits (the record is written off the call's path) until <paramref name="count"/> rows exist; returns them oldest first.</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> WaitForAsync(SoftswitchProcess softswitch, int count = 1,
        TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        IReadOnlyList<IReadOnlyDictionary<string, string?>> rows = [];
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                rows = await SwitchDatabase.QueryAsync(softswitch.DatabasePath, "SELECT * FROM calls ORDER BY id", Row);
                if (rows.Count >= count) return rows;
            }
            catch (SqliteException)
            {
                // Not created yet or briefly locked: look again.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"expected {count} rows in calls, found {rows.Count}\n{softswitch.Output}");
        return rows;
    }

    private static IReadOnlyDictionary<string, string?> Row(SqliteDataReader reader) =>
        Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName,
            i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
}
