namespace Softswitch.Storage.Retention;

/// <summary>A table whose old rows the retention sweep deletes.</summary>
/// <param name="Table">Table name (a constant in code, never user input).</param>
/// <param name="TimeColumn">The UTC ISO-8601 text column a row's age is judged by.</param>
/// <param name="Condition">Extra SQL condition a row must meet to go (e.g. <c>ended_at IS NOT NULL</c>), or null.</param>
public sealed record RetainedTable(string Table, string TimeColumn, string? Condition = null)
{
    /// <summary>How long this table's rows are kept, when not the sweeper's own retention (call records have their own).</summary>
    public TimeSpan? Retention { get; init; }
}
