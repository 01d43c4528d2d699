package be.segec.extranet.testkit;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The real engine over the real HTTP transport, pointed at a fake extranet; waits between retries are counted, never slept. */
final class Engines {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-01T08:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.now(CLOCK);

    private final SegecTransfer transfer;
    private final HttpTransport transport;
    private final AtomicInteger waits = new AtomicInteger();

    Engines(FakeSegecServer server, String token) {
        this(server, token, null);
    }

    /** With {@code client} shared between engines (null: the transport's own). */
    Engines(FakeSegecServer server, String token, java.net.http.HttpClient client) {
        HttpTransport.Builder b = HttpTransport.builder();
        if (client != null) {
            b.httpClient(client);
        }
        transport = b
                .baseUri(server.baseUri())
                .token(() -> token)
                .retryPolicy(RetryPolicy.defaults())
                .requestTimeout(Duration.ofSeconds(10))
                .sleeper(d -> waits.incrementAndGet())
                .clock(CLOCK)
                .build();
        transfer = SegecTransfer.builder()
                .transport(transport)
                .consentStore(new InMemoryConsentStore())
                .journal(new InMemoryTransferJournal())
                .clock(CLOCK)
                .build();
    }

    /** A manual run (consent ticked by the director) of {@code school} with {@code staff}. */
    TransferReport run(SchoolId school, List<StaffMember> staff) {
        return transfer.run(TransferRun.builder(school, () -> staff).grantConsent("La directrice").build());
    }

    int waits() {
        return waits.get();
    }

    static StaffMember teacher(String localId, String last, String first, LocalDate birth, String email) {
        return StaffMember.builder().localId(localId).lastName(last).firstName(first).birthDate(birth).email(email).build();
    }
}
