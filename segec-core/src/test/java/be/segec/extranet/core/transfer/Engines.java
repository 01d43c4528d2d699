package be.segec.extranet.core.transfer;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.consent.InMemoryConsentStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Engines wired to fakes for the tests: in-memory stores, a fixed clock, numbered transfer ids. */
final class Engines {

    static final SchoolId SCHOOL = SchoolId.of(1234);
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    /** Wednesday 14 October 2026, 10:00 in Brussels. */
    static final Instant NOW = Instant.parse("2026-10-14T08:00:00Z");

    final FakeExtranet extranet;
    final InMemoryConsentStore consent = new InMemoryConsentStore();
    final InMemoryTransferJournal journal = new InMemoryTransferJournal();
    final MutableClock clock = new MutableClock(NOW, BRUSSELS);
    final SegecTransfer transfer;

    Engines(FakeExtranet extranet) {
        this.extranet = extranet;
        this.transfer = SegecTransfer.builder().transport(extranet).consentStore(consent).journal(journal)
                .clock(clock).transferIds(sequentialIds()).build();
    }

    /** Consent granted by a manual run that sends nothing (an empty staff list). */
    Engines granted() {
        transfer.consentGate().grant(SCHOOL, "Mme Secrétaire");
        return this;
    }

    TransferReport run(List<StaffMember> staff) {
        return transfer.run(TransferRun.builder(SCHOOL, () -> staff).build());
    }

    TransferReport runAutomatic(List<StaffMember> staff) {
        return transfer.run(TransferRun.builder(SCHOOL, () -> staff).trigger(Trigger.AUTOMATIC).build());
    }

    static Supplier<UUID> sequentialIds() {
        AtomicLong n = new AtomicLong();
        return () -> new UUID(0x5e6ecL, n.incrementAndGet());
    }
}
