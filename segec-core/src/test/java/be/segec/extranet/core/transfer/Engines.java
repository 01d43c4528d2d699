package be.segec.extranet.core.transfer;

import be.segec.extranet.core.store.memory.InMemoryTransferJournal;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
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
    final SchoolId school;
    final InMemoryConsentStore consent = new InMemoryConsentStore();
    final InMemoryTransferJournal journal = new InMemoryTransferJournal();
    final MutableClock clock = new MutableClock(NOW, BRUSSELS);
    final SegecTransfer transfer;

    Engines(FakeExtranet extranet) {
        this(extranet, SCHOOL);
    }

    /** An engine of another school sharing the same extranet (a person working in two schools). */
    Engines(FakeExtranet extranet, SchoolId school) {
        this.extranet = extranet;
        this.school = school;
        this.transfer = SegecTransfer.builder().transport(extranet).consentStore(consent).journal(journal)
                .clock(clock).transferIds(sequentialIds(ENGINES.incrementAndGet())).build();
    }

    /** Consent granted by a manual run that sends nothing (an empty staff list). */
    Engines granted() {
        transfer.consentGate().grant(school, "Mme Secrétaire");
        return this;
    }

    TransferReport run(List<StaffMember> staff) {
        return transfer.run(TransferRun.builder(school, () -> staff).build());
    }

    TransferReport runAutomatic(List<StaffMember> staff) {
        return transfer.run(TransferRun.builder(school, () -> staff).trigger(Trigger.AUTOMATIC).build());
    }

    static Supplier<UUID> sequentialIds() {
        return sequentialIds(0);
    }

    /** Numbered ids of one engine: engines sharing one extranet never send the same transfer id. */
    static Supplier<UUID> sequentialIds(long engine) {
        AtomicLong n = new AtomicLong();
        return () -> new UUID(0x5e6ecL + (engine << 32), n.incrementAndGet());
    }

    private static final AtomicLong ENGINES = new AtomicLong();
}
