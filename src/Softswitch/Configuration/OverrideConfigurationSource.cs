using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration;

/// <summary>Source for <see cref="OverrideConfigurationProvider"/>.</summary>
public sealed class OverrideConfigurationSource(IReadOnlyList<ConfigOverride> overrides) : IConfigurationSource
{
    /// <summary>The overrides, in the order given.</summary>
    public IReadOnlyList<ConfigOverride> Overrides { get; } = overrides;

    /// <inheritdoc/>
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new OverrideConfigurationProvider(Overrides);
}
