package be.segec.extranet.bench;

import be.segec.extranet.bench.internal.BenchSchool;
import be.segec.extranet.bench.internal.HeapWatch;
import be.segec.extranet.bench.internal.SchoolRoutingTransport;
import be.segec.extranet.bench.internal.SyntheticStaff;
import be.segec.extranet.bench.internal.ThreadCpu;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Benchmark 5: one process transfers a whole network — by default 2 000 schools × 300 staff
 * (600 000 people) — to one fake extranet with bounded concurrency, then runs every school's
 * delta again. Reports schools per second and the heap. Target: the first pass in at most
 * 30 s, with the heap capped at 256 MB. One long run, so a plain main class:
 * <pre>
 * java -Xmx256m -cp segec-bench/target/benchmarks.jar be.segec.extranet.bench.NetworkScale \
 *      [--schools 2000] [--staff 300] [--threads 8] [--server-threads 8] [--store file|postgres|file,postgres]
 * </pre>
 * The fake extranet runs in a child JVM ({@link FakeExtranetMain}) so this process's heap holds
 * only the transfers; the journal and consent live in a temporary state directory, as a
 * vendor's service would keep them (600 000 acknowledged accesses do not belong in a heap), or,
 * with {@code --store postgres}, in an embedded PostgreSQL ({@code --store file,postgres} runs
 * both, each against a fresh fake extranet, and prints the ratio).
 */
public final class NetworkScale {

    private NetworkScale() {
    }

    /**
     * The fake extranet's JVM, sized for what it will hold. A collector that works only in its
     * pauses, so that no concurrent collector thread takes the cores the client under test also
     * needs. A heap reserved and touched at start for its 600 000 accounts, so that it never
     * grows into it by full collections nor touches its pages inside them. The server's start
     * is not measured; its collections are (figures in docs/performance.md, section 5).
     */
    static final String DEFAULT_SERVER_JVM = "-XX:+UseSerialGC -Xms1g -Xmn300m -XX:+AlwaysPreTouch";

    public static void main(String[] args) throws Exception {
        int schools = option(args, "--schools", 2000);
        int staff = option(args, "--staff", 300);
        int threads = option(args, "--threads", 8);
        int serverThreads = option(args, "--server-threads", 8);
        boolean memoryJournal = "memory".equals(stringOption(args, "--journal", "file"));
        List<String> stores = List.of(stringOption(args, "--store", "file").split(","));
        Path stateParent = Path.of(stringOption(args, "--state-dir", System.getProperty("java.io.tmpdir")));
        BenchSchool.quietLogs();
        // The fake extranet stands in for a remote service but shares this machine's cores; its JVM
        // options are the benchmark's choice (docs/performance.md), never the client's.
        String serverJvm = stringOption(args, "--server-jvm", DEFAULT_SERVER_JVM);
        Map<String, Pass[]> byStore = new java.util.LinkedHashMap<>();
        for (String store : stores) {
            byStore.put(store, network(store, schools, staff, threads, serverThreads, serverJvm, stateParent, memoryJournal));
        }
        boolean full = schools >= 2000 && staff >= 300 && Runtime.getRuntime().maxMemory() <= 256L << 20;
        if (!full) {
            System.out.println("target (2000 x 300 in <= 30 s, -Xmx256m): not judged on this configuration");
        } else if (byStore.containsKey("file")) {
            Pass first = byStore.get("file")[0];
            boolean met = first.seconds() <= 30 && first.failed() == 0 && byStore.get("file")[1].failed() == 0;
            System.out.println("target (2000 x 300 in <= 30 s, -Xmx256m): " + (met ? "met" : "MISSED"));
        }
        if (byStore.containsKey("file") && byStore.containsKey("postgres")) {
            Pass[] file = byStore.get("file");
            Pass[] pg = byStore.get("postgres");
            double firstRatio = pg[0].seconds() / file[0].seconds();
            double deltaRatio = pg[1].seconds() / file[1].seconds();
            System.out.printf(Locale.ROOT, "postgres / file: first pass %.2f, delta pass %.2f%n", firstRatio, deltaRatio);
            if (full) {
                boolean met = firstRatio <= 2 && deltaRatio <= 2 && pg[0].failed() == 0 && pg[1].failed() == 0;
                System.out.println("target (postgres within 2x the file store, -Xmx256m): " + (met ? "met" : "MISSED"));
            }
        }
    }

    /**
     * One store's network: a fresh fake extranet (no account yet), the first pass then the delta.
     *
     * @param store {@code file} (a temporary state directory), {@code memory} (its journal in this
     *              heap, with {@code --journal memory}) or {@code postgres} (an embedded PostgreSQL
     *              server in its own processes, reached through a connection pool, as a hosting
     *              vendor runs it)
     */
    static Pass[] network(String store, int schools, int staff, int threads, int serverThreads, String serverJvm,
                          Path stateParent, boolean memoryJournal) throws Exception {
        Path state = Files.createTempDirectory(stateParent, "segec-network-scale");
        Process server = startServer(schools, serverThreads, serverJvm);
        try (PostgresForBench pg = store.equals("postgres") ? PostgresForBench.start(threads) : null) {
            URI baseUri = URI.create(new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine());
            SegecTransfer.Builder builder = SegecTransfer.builder()
                    .transport(new SchoolRoutingTransport(baseUri))
                    .clock(BenchSchool.clock());
            String where;
            if (pg != null) {
                builder.stateStore(pg.store());
                where = "PostgreSQL " + pg.version() + " (pool of " + pg.poolSize() + " connections)";
            } else {
                if (!store.equals("file")) {
                    throw new IllegalArgumentException("--store: file, postgres or file,postgres, not " + store);
                }
                builder.stateDirectory(state);
                where = "files in " + state;
                if (memoryJournal) {
                    builder.journal(new InMemoryTransferJournal());
                    where = "in memory";
                }
            }
            SegecTransfer engine = builder.build();
            System.out.printf(Locale.ROOT, "network: %d schools x %d staff, %d client threads, %d server threads, max heap %d MB,"
                            + " %d cores, journal %s%n",
                    schools, staff, threads, serverThreads, Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors(), where);
            Pass first = pass(store + " first (full)", schools, threads,
                    fase -> lazyRun(fase, staff, true), engine, () -> cpuSeconds(server), server.pid());
            Pass delta = pass(store + " delta", schools, threads,
                    fase -> lazyRun(fase, staff, false), engine, () -> cpuSeconds(server), server.pid());
            return new Pass[] {first, delta};
        } finally {
            server.getOutputStream().close();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroy();
            deleteTree(state);
        }
    }

    /** One school's staff, generated when its run reads it (never all schools at once). */
    static List<StaffMember> staffOf(int fase, int staff) {
        return SyntheticStaff.cleanSchool(staff, fase, "-s" + fase);
    }

    /**
     * A run whose staff list is generated only when the engine reads it: queued runs must not
     * hold 2 000 staff lists. The first run grants consent and sends everything.
     */
    static TransferRun lazyRun(int fase, int staff, boolean first) {
        TransferRun.Builder run = TransferRun.builder(SchoolId.of(fase), () -> staffOf(fase, staff));
        if (first) {
            run.grantConsent("benchmark").full(true);
        }
        return run.build();
    }

    /** What a pass keeps of one school's report. */
    record Outcome(TransferStatus status, long bytesSent, int requests) {
        static Outcome of(TransferReport r) {
            return new Outcome(r.status(), r.bytesSent(), r.requests());
        }
    }

    /** One pass's wall time and how many schools did not complete. */
    record Pass(double seconds, long failed) {
    }

    /**
     * Runs every school's transfer on {@code threads} threads and prints the figures.
     *
     * @param serverCpu the server's CPU seconds so far (NaN when unknown)
     * @param serverPid the server's process, whose threads' CPU is shown by kind; -1 for none
     */
    static Pass pass(String name, int schools, int threads, IntFunction<TransferRun> runOf, SegecTransfer engine,
                     DoubleSupplier serverCpu, long serverPid) throws InterruptedException {
        Map<TransferStatus, Integer> statuses = new EnumMap<>(TransferStatus.class);
        long bytes = 0;
        long requests = 0;
        long start;
        long end;
        try (HeapWatch heap = new HeapWatch()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            start = System.nanoTime();
            double clientCpu = processCpuSeconds();
            Map<String, Double> threadsBefore = ThreadCpu.snapshot();
            Map<String, Double> serverThreadsBefore = serverPid < 0 ? Map.of() : ThreadCpu.snapshot(serverPid);
            double serverCpuAtStart = serverCpu.getAsDouble();
            // Each task keeps only its figures: 2 000 reports of 300 lines would fill the heap.
            List<Future<Outcome>> outcomes = new ArrayList<>(schools);
            for (int fase = 1; fase <= schools; fase++) {
                TransferRun run = runOf.apply(fase);
                outcomes.add(pool.submit(() -> Outcome.of(engine.run(run))));
            }
            for (Future<Outcome> f : outcomes) {
                Outcome o;
                try {
                    o = f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("A transfer threw", e.getCause());
                }
                statuses.merge(o.status(), 1, Integer::sum);
                bytes += o.bytesSent();
                requests += o.requests();
            }
            end = System.nanoTime();
            clientCpu = processCpuSeconds() - clientCpu;
            String byThread = ThreadCpu.difference(threadsBefore, ThreadCpu.snapshot());
            String serverByThread = serverPid < 0 ? "" : ThreadCpu.difference(serverThreadsBefore, ThreadCpu.snapshot(serverPid));
            double serverCpuUsed = serverCpu.getAsDouble() - serverCpuAtStart;
            pool.shutdown();
            double seconds = (end - start) / 1e9;
            System.out.printf(Locale.ROOT, "%-24s %7.2f s  %7.1f schools/s  CPU s: client %.1f, server %.1f  %5d requests"
                            + "  %6.1f MB sent  heap: peak used %d MB, peak live %d MB, %d GCs (%d ms)  %s%n",
                    name, seconds, schools / seconds, clientCpu, serverCpuUsed, requests, bytes / 1e6, heap.peakUsedBytes() >> 20,
                    heap.peakLiveBytes() >> 20, heap.collections(), heap.collectionMillis(), statuses);
            if (!byThread.isEmpty()) {
                System.out.printf(Locale.ROOT, "%-24s client CPU s by thread: %s%n", "", byThread);
            }
            if (!serverByThread.isEmpty()) {
                System.out.printf(Locale.ROOT, "%-24s server CPU s by thread: %s%n", "", serverByThread);
            }
            long failed = statuses.entrySet().stream()
                    .filter(e -> e.getKey() != TransferStatus.COMPLETED && e.getKey() != TransferStatus.COMPLETED_WITH_REJECTIONS)
                    .mapToLong(Map.Entry::getValue).sum();
            return new Pass(seconds, failed);
        }
    }

    /** CPU time this process used (all threads, GC and JIT included). */
    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double cpuSeconds(Process p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static Process startServer(int schools, int threads, String jvmOptions) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, TransferBenchmark.NO_DELAY));
        command.addAll(List.of(jvmOptions.strip().split("\\s+")));
        command.removeIf(String::isEmpty);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                FakeExtranetMain.class.getName(), Integer.toString(schools), Integer.toString(threads)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int option(String[] args, String name, int fallback) {
        return Integer.parseInt(stringOption(args, name, Integer.toString(fallback)));
    }

    private static String stringOption(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
