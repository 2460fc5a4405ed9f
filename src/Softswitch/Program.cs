using Softswitch.Cli;
using Softswitch.Hosting;

SocketCompletionMode.PreferInline();
PrivateFiles.Restrict();
return await SoftswitchCli.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariables());
