using Softswitch.Cli;

return await SoftswitchCli.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariables());
