using Softswitch.Cli;
using Softswitch.Hosting;

SocketCompletionMode.PreferInline();
return await SoftswitchCli.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariables());
