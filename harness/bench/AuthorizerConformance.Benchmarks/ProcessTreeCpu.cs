using System.Globalization;

namespace AuthorizerConformance.Benchmarks;

/// <summary>
/// CPU time (user + system) of this process and every process below it (its function processes, a peer server),
/// read from <c>/proc/&lt;pid&gt;/stat</c>. On a shared machine the wall-clock rate swings with the load; the CPU spent per
/// invocation by the whole tree is the figure that stays comparable between runs and between the two sides.
/// </summary>
internal static class ProcessTreeCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>
    /// CPU time so far of this process alone and of its whole tree, or null where /proc is not there (then only
    /// wall-clock rates are printed).
    /// </summary>
    public static (TimeSpan Self, TimeSpan Tree)? Now()
    {
        if (!Directory.Exists("/proc/self"))
            return null;
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        var reaped = new Dictionary<int, long>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // gone meanwhile
            }
            // pid (comm) state ppid … utime(14) stime(15) cutime(16) cstime(17): comm may hold spaces, so count from the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            // utime + stime, plus cutime + cstime: the children it has reaped (a process per call ends before the next read).
            ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            reaped[pid] = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }
        var root = Environment.ProcessId;
        long total = 0;
        var self = ticks.GetValueOrDefault(root);
        foreach (var (pid, used) in ticks)
        {
            for (var p = pid; p > 1; p = parents.GetValueOrDefault(p))
            {
                if (p == root)
                {
                    total += used + reaped[pid];
                    break;
                }
            }
        }
        return (TimeSpan.FromSeconds(self / TicksPerSecond), TimeSpan.FromSeconds(total / TicksPerSecond));
    }
}
