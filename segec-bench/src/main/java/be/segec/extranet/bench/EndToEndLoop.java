package be.segec.extranet.bench;

import be.segec.extranet.bench.internal.ThreadCpu;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * A diagnostic for benchmark 3, not a figure of its own: {@link TransferBenchmark}'s operations
 * ({@code baseline}, {@code transportOnly}, {@code fullTransfer}) run in a plain loop, in
 * rounds, printing per round each operation's time and the CPU the whole process spent by kind
 * of thread (this thread, the fake server's, the HttpClient's, the JIT's, the collector's). It
 * shows when a JVM is warm (the compiler threads quiet, the times flat) and where an operation's
 * CPU goes, which JMH's averages do not:
 * <pre>
 * java -Dsun.net.httpserver.nodelay=true -cp segec-bench/target/benchmarks.jar \
 *      be.segec.extranet.bench.EndToEndLoop [operations, default fullTransfer] [per round, default 1500] [rounds, default 10]
 * </pre>
 * Several operations ({@code baseline,fullTransfer}) alternate one by one within each round.
 */
public final class EndToEndLoop {

    private EndToEndLoop() {
    }

    public static void main(String[] args) throws Exception {
        String[] operations = (args.length > 0 ? args[0] : "fullTransfer").split(",");
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        for (String op : operations) {
            operation(op); // fails early on an unknown name
        }
        TransferBenchmark b = new TransferBenchmark();
        b.setup();
        try {
            for (int round = 1; round <= rounds; round++) {
                long[][] nanos = new long[operations.length][perRound];
                Map<String, Double> cpuBefore = ThreadCpu.snapshot();
                for (int i = 0; i < perRound; i++) {
                    if (i % 200 == 0) {
                        b.clearServerLog(); // as JMH does before each iteration
                    }
                    for (int k = 0; k < operations.length; k++) {
                        long t0 = System.nanoTime();
                        run(b, operations[k]);
                        nanos[k][i] = System.nanoTime() - t0;
                    }
                }
                String cpu = ThreadCpu.difference(cpuBefore, ThreadCpu.snapshot());
                for (int k = 0; k < operations.length; k++) {
                    System.out.printf(Locale.ROOT, "round %2d  %-14s %s%n", round, operations[k], Stats.of(nanos[k]));
                }
                System.out.printf(Locale.ROOT, "round %2d  CPU s by thread: %s%n", round, cpu);
            }
        } finally {
            b.tearDown();
        }
    }

    private static void run(TransferBenchmark b, String operation) throws Exception {
        switch (operation(operation)) {
            case 0 -> b.baseline();
            case 1 -> b.transportOnly();
            default -> b.fullTransfer();
        }
    }

    private static int operation(String name) {
        switch (name) {
            case "baseline":
                return 0;
            case "transportOnly":
                return 1;
            case "fullTransfer":
                return 2;
            default:
                throw new IllegalArgumentException("Unknown operation '" + name + "': baseline, transportOnly or fullTransfer");
        }
    }

    /** Mean and percentiles of one round's times. */
    record Stats(double meanMicros, double p50Micros, double p90Micros, double minMicros) {
        static Stats of(long[] nanos) {
            if (nanos.length == 0) {
                throw new IllegalArgumentException("no time");
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            double mean = Arrays.stream(nanos).average().orElseThrow() / 1e3;
            return new Stats(mean, sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.9)] / 1e3, sorted[0] / 1e3);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "mean %6.0f us, p50 %6.0f, p90 %6.0f, min %6.0f", meanMicros, p50Micros, p90Micros, minMicros);
        }
    }
}
