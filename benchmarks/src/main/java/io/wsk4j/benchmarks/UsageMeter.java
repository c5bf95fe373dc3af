package io.wsk4j.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link Usage} on the load client thread, so that the server's share is the process minus that thread: CPU
 * from the process's CPU time minus the thread's own; context switches from every task of /proc/self/task minus
 * /proc/thread-self; allocation from every Java thread's allocated-bytes counter except the client's. The server
 * side therefore includes the JVM's own threads (GC, JIT), as a server in production would.
 */
final class UsageMeter {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path THIS_TASK = Path.of("/proc/thread-self/status");

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long clientId = Thread.currentThread().getId();

    /** Must be made on the client thread: that thread's use is what it subtracts. */
    UsageMeter() {
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure per-thread CPU time and allocation");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        threads.setThreadCpuTimeEnabled(true);
    }

    Usage read() {
        if (Thread.currentThread().getId() != clientId) {
            throw new IllegalStateException("read the usage on the thread that made the meter");
        }
        long clientSwitches = switches(THIS_TASK);
        long processSwitches = processSwitches();
        long clientCpu = threads.getCurrentThreadCpuTime();
        long processCpu = os.getProcessCpuTime();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> allocated = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != clientId && bytes[i] >= 0) {
                allocated.put(ids[i], bytes[i]);
            }
        }
        return new Usage(System.nanoTime(), processCpu, clientCpu, processSwitches, clientSwitches, allocated,
                MachineLoad.read());
    }

    private static long processSwitches() {
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                long switches = switches(task.resolve("status"));
                if (switches > 0) {
                    total += switches; // a task that ended while we listed has no status left: skip it
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    /** voluntary + nonvoluntary context switches of one task, or -1 if it has no readable status. */
    private static long switches(Path status) {
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (IOException e) {
            return -1; // NoSuchFileException among them: the task has ended
        }
        long total = 0;
        int found = 0;
        for (String line : lines) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                found++;
            }
        }
        return found == 2 ? total : -1;
    }
}
