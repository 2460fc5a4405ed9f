if (args is ["footprint", ..])
{
    await Softswitch.Benchmarks.MediaFootprint.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 500);
    return;
}

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
