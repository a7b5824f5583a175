package io.exchangepulse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples a process's resident memory and CPU time from /proc once a second. */
final class ProcessProbe implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100;

    private final long pid;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final long startCpuTicks;
    private volatile long maxRssKb;

    ProcessProbe(long pid) {
        this.pid = pid;
        this.startCpuTicks = cpuTicks();
        sampler.scheduleAtFixedRate(() -> maxRssKb = Math.max(maxRssKb, status(pid, "VmRSS")), 0, 1, TimeUnit.SECONDS);
    }

    double maxRssMb() {
        return Math.max(maxRssKb, status(pid, "VmRSS")) / 1024.0;
    }

    /** CPU time the process has used since the probe started (user and system), in seconds. */
    double cpuSeconds() {
        return (cpuTicks() - startCpuTicks) / TICKS_PER_SECOND;
    }

    /** A figure of a process's /proc status (VmRSS in kB, Threads), 0 once it is gone. */
    static long status(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (Exception gone) {
            return 0;
        }
    }

    private long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception gone) {
            return 0;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
