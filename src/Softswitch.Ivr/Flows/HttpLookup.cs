namespace Softswitch.Ivr.Flows;

/// <summary>What an <see cref="HttpNode"/> asks and what it keeps from the reply.</summary>
public sealed record HttpLookup
{
    public required HttpMethod Method { get; init; }

    /// <summary>The URL with <c>${variables}</c> (their values are URL-escaped).</summary>
    public required string Url { get; init; }

    /// <summary>A POST's JSON object: field → text with <c>${variables}</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Body { get; init; } = [];

    /// <summary>Variable → field of the JSON reply (dots go into objects, numbers into arrays: <c>orders.0.status</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Results { get; init; } = [];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public NodeReference? Next { get; init; }

    /// <summary>Where a failed lookup goes; null: <see cref="Next"/> without the result variables.</summary>
    public NodeReference? OnError { get; init; }
}
