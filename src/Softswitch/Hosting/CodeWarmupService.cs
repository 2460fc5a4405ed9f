using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Softswitch.Hosting;

/// <summary>
/// Compiles the switch's own code at start-up, before the SIP stack listens, so the first calls do not wait for it.
/// </summary>
/// <remarks>
/// Tiered compilation is off (see Softswitch.csproj), so a method is compiled fully optimised when first called. The
/// first call after a start then took 300–400 ms to set up and its echo began 100 ms late while its path compiled;
/// compiling in the background instead competed with that first call. The framework itself is precompiled
/// (ReadyToRun) and needs nothing. Generic methods (compiled per instantiation) and P/Invoke stubs are left to first
/// use. About 4,000 methods, 0.5–0.9 s on two cores.
/// </remarks>
internal sealed partial class CodeWarmupService(ILogger<CodeWarmupService> logger) : IHostedService
{
    private static readonly string[] Prefixes = ["Softswitch", "softswitch"];

    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic |
                                          BindingFlags.Instance | BindingFlags.Static;

    /// <summary>
    /// Nothing to do when tiered compilation is turned back on (<c>DOTNET_TieredCompilation=1</c>): first calls then run
    /// quickly compiled code, and compiling everything up front would only cost the start seconds of CPU. The interop
    /// tests start the switch some 200 times that way.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") == "1"
            ? Task.CompletedTask
            : Task.Run(() => CompileAll(cancellationToken), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void CompileAll(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var types = OurAssemblies().SelectMany(TypesOf).Where(t => !t.ContainsGenericParameters).ToArray();
        int compiled = 0, failed = 0;
        Parallel.ForEach(types, new ParallelOptions { CancellationToken = cancellationToken }, type =>
        {
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                if (method.IsAbstract || method.ContainsGenericParameters || (method.Attributes & MethodAttributes.PinvokeImpl) != 0
                    || (method.MethodImplementationFlags & MethodImplAttributes.InternalCall) != 0)
                {
                    continue;
                }

                try
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    Interlocked.Increment(ref compiled);
                }
                catch (Exception)
                {
                    // A method the runtime cannot prepare ahead is compiled on first use, as it would be anyway.
                    Interlocked.Increment(ref failed);
                }
            }
        });

        LogCompiled(compiled, failed, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // The host and every layer it references (each layer's own references are among them).
    private static IEnumerable<Assembly> OurAssemblies()
    {
        var host = typeof(CodeWarmupService).Assembly;
        yield return host;
        foreach (var name in host.GetReferencedAssemblies().Where(IsOurs))
        {
            yield return Assembly.Load(name);
        }
    }

    private static bool IsOurs(AssemblyName name) =>
        Prefixes.Any(p => name.Name?.StartsWith(p, StringComparison.Ordinal) == true);

    private static Type[] TypesOf(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>().ToArray();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Compiled {Compiled} methods of the switch before listening, in {Milliseconds:0} ms ({Failed} left to first use)")]
    private partial void LogCompiled(int compiled, int failed, double milliseconds);
}
