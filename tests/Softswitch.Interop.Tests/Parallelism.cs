// Most of an interop test's time is waiting (rings, timers, peers starting), so fixtures run three at a time; each
// starts its own switch on free ports in its own folder. Fixtures that measure rates, bans or timing tails, or touch
// process-wide state (umask, descriptor limits), stay [NonParallelizable] and run alone.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(3)]
