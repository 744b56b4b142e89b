package dk.tvaers.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's CPU time in user and kernel mode and its page faults so far ({@code /proc/self/stat}, Linux), so a
 * benchmark can say how much of a step's time the kernel spent filling the memory it asked for (bench/README.md,
 * "Engine profile, round 4"). Times in clock ticks of 10 ms ({@code CLK_TCK} = 100 on Linux).
 */
record ProcessTimes(long userTicks, long systemTicks, long faults) {

    static ProcessTimes now() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name in parentheses: state is field 3; minflt 10, majflt 12, utime 14, stime 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new ProcessTimes(Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[7]) + Long.parseLong(f[9]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What happened between {@code before} and this. */
    String since(ProcessTimes before) {
        return String.format("CPU user %6.1f s, system %5.1f s, %,10d page faults", (userTicks - before.userTicks) / 100.0,
                (systemTicks - before.systemTicks) / 100.0, faults - before.faults);
    }
}
