using Softswitch.Configuration.Options;

namespace Softswitch.Configuration.Validation;

/// <summary>The outcome of validating a configuration.</summary>
/// <param name="Options">The bound options; null when the configuration could not be bound at all.</param>
/// <param name="Problems">Errors: the configuration must not be used while there are any.</param>
/// <param name="Warnings">Worth telling the admin, but not a reason to refuse (e.g. demo passwords).</param>
public sealed record ConfigValidationResult(
    SoftswitchOptions? Options,
    IReadOnlyList<ConfigProblem> Problems,
    IReadOnlyList<ConfigProblem> Warnings)
{
    /// <summary>True when the options can be used.</summary>
    public bool IsValid => Options is not null && Problems.Count == 0;
}
