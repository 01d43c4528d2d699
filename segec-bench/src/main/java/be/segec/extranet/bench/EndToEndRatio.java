package be.segec.extranet.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Benchmark 3's ratio, measured in pairs: {@link TransferBenchmark#fullTransfer} and
 * {@link TransferBenchmark#baseline} run by JMH in alternating forks (baseline then ours, then
 * ours then baseline, ...), and each round gives a ratio of two forks a few seconds apart.
 * JMH's own {@code -f 3} runs every fork of one benchmark before the next, so a drift of this
 * virtual machine's speed over the minutes in between lands on one side of the ratio only.
 * <pre>
 * java -cp segec-bench/target/benchmarks.jar be.segec.extranet.bench.EndToEndRatio [rounds, default 6]
 * </pre>
 * Each fork warms up and measures as {@link TransferBenchmark} is annotated (50 s of warm-up,
 * 10 s measured), so a round takes about two minutes.
 */
public final class EndToEndRatio {

    /** The target of benchmark 3: ours at most this many times the baseline. */
    static final double TARGET = 1.5;

    private EndToEndRatio() {
    }

    public static void main(String[] args) throws RunnerException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        List<double[]> pairs = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-6s %14s %14s %7s%n", "round", "baseline us", "ours us", "ratio");
        for (int round = 1; round <= rounds; round++) {
            double baseline;
            double ours;
            if (round % 2 == 1) {
                baseline = averageMicros("baseline");
                ours = averageMicros("fullTransfer");
            } else {
                ours = averageMicros("fullTransfer");
                baseline = averageMicros("baseline");
            }
            pairs.add(new double[] {baseline, ours});
            System.out.printf(Locale.ROOT, "%-6d %14.0f %14.0f %6.2f×%n", round, baseline, ours, ours / baseline);
        }
        Summary s = Summary.of(pairs);
        System.out.printf(Locale.ROOT, "ratio ours / baseline: median %.2f×, min %.2f×, max %.2f× over %d rounds;"
                        + " all forks pooled %.2f×%n", s.median(), s.min(), s.max(), pairs.size(), s.pooled());
        System.out.printf(Locale.ROOT, "target (median ratio <= %.1f×): %s, in %d of %d rounds%n", TARGET,
                s.median() <= TARGET ? "met" : "MISSED", s.roundsWithin(TARGET), pairs.size());
    }

    /** One fork of one {@link TransferBenchmark} method: its average time per operation, in microseconds. */
    private static double averageMicros(String method) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(TransferBenchmark.class.getName() + "\\." + method + "$")
                .forks(1)
                .threads(1)
                .verbosity(VerboseMode.SILENT)
                .build();
        RunResult result = new Runner(options).runSingle();
        return result.getPrimaryResult().getScore();
    }

    /** The rounds' ratios (ours / baseline), sorted, and the ratio of all forks pooled. */
    record Summary(double[] ratios, double pooled) {

        /** {@code pairs}: per round, the baseline's and ours' time (any unit, the same for both). */
        static Summary of(List<double[]> pairs) {
            if (pairs.isEmpty()) {
                throw new IllegalArgumentException("no round");
            }
            double[] ratios = new double[pairs.size()];
            double baselines = 0;
            double ours = 0;
            for (int i = 0; i < ratios.length; i++) {
                double[] p = pairs.get(i);
                if (p.length != 2 || !(p[0] > 0) || !(p[1] > 0)) {
                    throw new IllegalArgumentException("round " + (i + 1) + " is not two positive times");
                }
                ratios[i] = p[1] / p[0];
                baselines += p[0];
                ours += p[1];
            }
            Arrays.sort(ratios);
            return new Summary(ratios, ours / baselines);
        }

        double median() {
            int n = ratios.length;
            return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
        }

        double min() {
            return ratios[0];
        }

        double max() {
            return ratios[ratios.length - 1];
        }

        /** How many rounds had a ratio at most {@code target}. */
        int roundsWithin(double target) {
            int n = 0;
            for (double r : ratios) {
                if (r <= target) {
                    n++;
                }
            }
            return n;
        }
    }
}
