if (args is ["rtpsend", var mode, ..])
{
    await Softswitch.Benchmarks.RtpSendCost.RunAsync(mode == "pending", args.Length > 2 ? int.Parse(args[2]) : 500, args.Length > 3 ? int.Parse(args[3]) : 8);
    return;
}

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

if (args is ["alloctrace", var allocating, ..])
{
    Softswitch.Benchmarks.AllocTrace.Run(int.Parse(allocating), args.Length > 2 ? int.Parse(args[2]) : 10, args.Length > 3 ? int.Parse(args[3]) : 30);
    return;
}

if (args is ["allocstacks", var sampled, ..])
{
    Softswitch.Benchmarks.AllocStacks.Run(int.Parse(sampled), args.Length > 2 ? int.Parse(args[2]) : 10, args.Length > 3 ? int.Parse(args[3]) : 40,
        args.Length > 4 ? args[4] : Path.Combine(Path.GetTempPath(), "softswitch-allocs.nettrace"));
    return;
}

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
