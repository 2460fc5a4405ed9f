if (args is ["footprint", ..])
{
    await Softswitch.Benchmarks.MediaFootprint.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 500);
    return;
}

if (args is ["heap", var pid, ..])
{
    Softswitch.Benchmarks.HeapCensus.Run(int.Parse(pid), args.Length > 2 ? int.Parse(args[2]) : 40);
    return;
}

if (args is ["gctrace", var traced, ..])
{
    Softswitch.Benchmarks.GcTrace.Run(int.Parse(traced), args.Length > 2 ? int.Parse(args[2]) : 10);
    return;
}

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
