package io.wsk4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU ticks of the whole machine and of this process, from /proc/stat and /proc/self/stat, so that a case can say
 * how much CPU other processes took while it measured: the machine is shared, and a busy neighbour skews a row.
 * The machine's busy ticks include interrupt and softirq time, because the kernel charges the loopback TCP work it
 * does in softirq on this process's behalf to this process's own ticks too (measured: leaving them out
 * under-reports a busy-loop neighbour by about 0.4 core).
 *
 * @param totalTicks every field of every CPU, idle included: the wall time times the CPUs
 * @param busyTicks user, nice, system, irq, softirq and steal ticks of every CPU
 * @param ownTicks this process's user and system ticks
 * @param cpus the CPUs /proc/stat lists
 */
record MachineLoad(long totalTicks, long busyTicks, long ownTicks, int cpus) {
    private static final Path STAT = Path.of("/proc/stat");
    private static final Path SELF_STAT = Path.of("/proc/self/stat");
    static final MachineLoad UNKNOWN = new MachineLoad(-1, -1, -1, 0);

    static MachineLoad read() {
        try {
            List<String> lines = Files.readAllLines(STAT);
            String[] cpu = lines.get(0).trim().split("\\s+"); // "cpu user nice system idle iowait irq softirq steal"
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]); // idle and iowait
            long busy = total - idle;
            int cpus = (int) lines.stream().filter(line -> line.matches("cpu\\d+ .*")).count();
            // the command name in (parentheses) may hold spaces; utime and stime are fields 14 and 15
            String self = Files.readString(SELF_STAT);
            String[] fields = self.substring(self.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return new MachineLoad(total, busy, own, cpus);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** The CPU, in cores, that other processes used from this reading to {@code later}; NaN if unknown. */
    double othersUntil(MachineLoad later) {
        long total = later.totalTicks - totalTicks;
        if (totalTicks < 0 || later.totalTicks < 0 || total <= 0) {
            return Double.NaN;
        }
        long others = (later.busyTicks - busyTicks) - (later.ownTicks - ownTicks);
        return Math.max(0, others) * (double) cpus / total;
    }
}
