package be.segec.extranet.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds this process's threads used, by kind of thread (the name without its numbers:
 * "pool-thread" for the transfers, "C2 CompilerThread", "GC Thread", "HttpClient-SelectorManager"...),
 * read from Linux's /proc/self/task: what {@code getProcessCpuTime} adds up, split. Empty elsewhere.
 * Threads that ended before a snapshot are missing from it.
 */
public final class ThreadCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private ThreadCpu() {
    }

    /** User + system seconds by kind of thread of this process, now. */
    public static Map<String, Double> snapshot() {
        return snapshot("self");
    }

    /** The same for another process of this machine (the fake extranet's JVM). */
    public static Map<String, Double> snapshot(long pid) {
        return snapshot(Long.toString(pid));
    }

    private static Map<String, Double> snapshot(String process) {
        Map<String, Double> byKind = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", process, "task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byKind.merge(kind(name), (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND, Double::sum);
                    byKind.merge(kind(name) + SYSTEM, Long.parseLong(fields[12]) / TICKS_PER_SECOND, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return byKind;
    }

    /**
     * {@code after - before} by kind, largest first, as "kind 1.2 (sys 0.3), kind 0.8 (sys 0.0)"
     * (kinds under 0.1 s left out): "sys" is the part spent in the kernel (sockets, fsync).
     */
    public static String difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new TreeMap<>();
        after.forEach((kind, seconds) -> used.put(kind, seconds - before.getOrDefault(kind, 0.0)));
        StringBuilder sb = new StringBuilder();
        used.entrySet().stream().filter(e -> !e.getKey().endsWith(SYSTEM) && e.getValue() >= 0.1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey())
                        .append(String.format(java.util.Locale.ROOT, " %.1f (sys %.1f)", e.getValue(),
                                used.getOrDefault(e.getKey() + SYSTEM, 0.0))));
        return sb.toString();
    }

    private static final String SYSTEM = "\u0000sys";

    private static String kind(String name) {
        return name.replaceAll("[0-9#]+", "").replaceAll("-+", "-").replaceAll("^-|-$", "").strip();
    }
}
