package be.segec.extranet.bench;

import be.segec.extranet.bench.internal.BenchSchool;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.testkit.FakeSegecServer;
import java.io.IOException;

/**
 * The fake extranet in a process of its own for {@link NetworkScale}, so the transfer process's
 * heap holds only the transfers: {@code FakeExtranetMain <schools> <threads>} registers schools
 * 1..n with their benchmark tokens, keeps only its last 16 requests, prints its base URI on one line, and serves until its
 * standard input closes.
 */
public final class FakeExtranetMain {

    private FakeExtranetMain() {
    }

    public static void main(String[] args) throws IOException {
        int schools = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        // A benchmark keeps no history: every recorded body would stay in the fake's heap for its
        // collector to copy, a cost no real extranet has (docs/performance.md, section 5).
        FakeSegecServer.Builder builder = FakeSegecServer.builder().threads(threads).requestHistory(16);
        for (int fase = 1; fase <= schools; fase++) {
            builder.school(SchoolId.of(fase), BenchSchool.token(SchoolId.of(fase)));
        }
        BenchSchool.quietLogs();
        try (FakeSegecServer server = builder.start()) {
            System.out.println(server.baseUri());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our standard input (or dies)
            }
        }
    }
}
