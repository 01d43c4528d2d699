package be.segec.extranet.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.store.file.FileTransferJournal;
import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.store.TransferJournal;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.Transport;
import be.segec.extranet.core.transfer.Trigger;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.http.RetryPolicy;
import be.segec.extranet.testkit.Account;
import be.segec.extranet.testkit.OutboxMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One school, its state directory, the fake extranet on a loopback socket, and the real engine
 * and HTTP transport between them; with the checks every reliability test ends with: the
 * extranet holds exactly the right accounts and memberships, each person got exactly one
 * invitation, and the journal matches.
 */
final class World implements AutoCloseable {

    static final SchoolId SCHOOL = SchoolId.of(1234);
    static final SchoolId OTHER_SCHOOL = SchoolId.of(5678);
    /** Distinctive, so that a leak anywhere is found by a plain search. */
    static final String TOKEN = "tok1234-Q9xZ-s3cr3t-7Hd2Lp";
    static final String OTHER_TOKEN = "tok5678-Wm4K-s3cr3t-9Jc1Rv";
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final SchoolYear YEAR = SchoolYear.parse("2026-2027");

    final Extranet extranet;
    final Path stateDir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-10-05T08:00:00Z"), BRUSSELS);
    final RecordingSleeper sleeper = new RecordingSleeper();

    World(Path tempDir) {
        this.stateDir = tempDir.resolve("state");
        this.extranet = Extranet.start();
        extranet.school(SCHOOL, TOKEN);
        extranet.school(OTHER_SCHOOL, OTHER_TOKEN);
    }

    /** Retries without real waits: tiny delays, through a sleeper that only records them. */
    static RetryPolicy fastRetries(int attempts) {
        return RetryPolicy.builder().maxAttempts(attempts).initialDelay(Duration.ofMillis(10))
                .maxDelay(Duration.ofMillis(40)).multiplier(2.0).jitter(0.0).maxRetryAfter(Duration.ofSeconds(5)).build();
    }

    HttpTransport.Builder transportBuilder() {
        return HttpTransport.builder().baseUri(extranet.baseUri()).token(() -> TOKEN).retryPolicy(fastRetries(4))
                .sleeper(sleeper).connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(2));
    }

    HttpTransport transport() {
        return transportBuilder().build();
    }

    SegecTransfer.Builder engineBuilder(Transport transport) {
        return SegecTransfer.builder().transport(transport).stateDirectory(stateDir).clock(clock)
                .lockWait(Duration.ofSeconds(5));
    }

    /** A NEW engine on the state directory, as after a restart of the school software. */
    SegecTransfer engine(Transport transport) {
        return engineBuilder(transport).build();
    }

    /** The secretary ticked the consent box once; automatic runs may go on. */
    World consented() {
        engine(transport()).consentGate().grant(SCHOOL, "Mme Dupont (secrétariat)");
        return this;
    }

    static TransferReport automatic(SegecTransfer engine, List<StaffMember> staff) {
        return engine.run(TransferRun.builder(SCHOOL, () -> staff).trigger(Trigger.AUTOMATIC).build());
    }

    TransferReport runOnce(List<StaffMember> staff) {
        return automatic(engine(transport()), staff);
    }

    JournalState journal() {
        return new FileTransferJournal(stateDir).read(SCHOOL);
    }

    TransferJournal fileJournal() {
        return new FileTransferJournal(stateDir);
    }

    /** Files in the state directory whose name says they are temporary (left by an interrupted write). */
    List<Path> strayTemporaryFiles() {
        try (Stream<Path> s = Files.list(stateDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static IdentityKey key(StaffMember m) {
        return IdentityKey.from(m.lastName(), m.firstName(), m.birthDate().orElseThrow()).orElseThrow();
    }

    static Role role(StaffMember m) {
        return m.promotionFunction() && m.physicalPresence() ? Role.DIRECTOR : Role.TEACHER;
    }

    /**
     * The extranet holds exactly one account per person of {@code staff}, each with an active access
     * in {@link #SCHOOL} for {@code year} with the right role and e-mail; no other account exists;
     * each person received exactly one invitation and the outbox holds no duplicate.
     */
    void assertExtranetHolds(List<StaffMember> staff, SchoolYear year) {
        List<Account> accounts = extranet.accounts();
        Map<IdentityKey, List<Account>> byKey = accounts.stream()
                .collect(Collectors.groupingBy(a -> IdentityKey.from(a.lastName(), a.firstName(), a.birthDate()).orElseThrow()));
        assertThat(byKey.values()).as("one account per identity").allMatch(l -> l.size() == 1);
        assertThat(accounts).as("no account beyond the staff").hasSize(staff.size());
        for (StaffMember m : staff) {
            List<Account> mine = byKey.get(key(m));
            assertThat(mine).as("account of " + m.displayName()).isNotNull().hasSize(1);
            Account a = mine.get(0);
            assertThat(a.email()).isEqualTo(m.email().orElseThrow());
            assertThat(a.memberships()).as("memberships of " + m.displayName())
                    .filteredOn(ms -> ms.school().equals(SCHOOL) && ms.schoolYear().equals(year))
                    .singleElement()
                    .satisfies(ms -> {
                        assertThat(ms.active()).as("active").isTrue();
                        assertThat(ms.role()).isEqualTo(role(m));
                    });
        }
        assertEachInvitedOnce(staff);
    }

    /** Exactly one INVITATION per person, and no e-mail at all sent twice (same address, same kind). */
    void assertEachInvitedOnce(List<StaffMember> staff) {
        List<OutboxMessage> outbox = extranet.outbox();
        Map<String, Long> invitations = outbox.stream().filter(m -> m.kind() == OutboxMessage.Kind.INVITATION)
                .collect(Collectors.groupingBy(OutboxMessage::to, Collectors.counting()));
        Map<String, Long> expected = new HashMap<>();
        staff.forEach(m -> expected.put(m.email().orElseThrow(), 1L));
        assertThat(invitations).as("invitations").isEqualTo(expected);
        assertThat(outbox.stream().map(m -> m.to() + " " + m.kind()).distinct().count())
                .as("no e-mail sent twice: " + outbox).isEqualTo(outbox.size());
    }

    /** The journal holds every person of {@code staff} as active, with the extranet's account id. */
    void assertJournalMatches(List<StaffMember> staff, SchoolYear year) {
        JournalState state = journal();
        Map<String, String> accountIdByKey = new HashMap<>();
        for (Account a : extranet.accounts()) {
            accountIdByKey.put(IdentityKey.from(a.lastName(), a.firstName(), a.birthDate()).orElseThrow().digest(), a.id());
        }
        assertThat(state.acknowledged().accesses()).hasSize(staff.size());
        for (StaffMember m : staff) {
            AcknowledgedAccess ack = state.acknowledged().find(key(m).digest()).orElseThrow(
                    () -> new AssertionError("journal lacks " + m.displayName()));
            assertThat(ack.active()).isTrue();
            assertThat(ack.schoolYear()).isEqualTo(year);
            assertThat(ack.role()).contains(role(m));
            assertThat(ack.accountId()).contains(accountIdByKey.get(key(m).digest()));
        }
        assertThat(strayTemporaryFiles()).as("temporary files left in the state directory").isEmpty();
    }

    /** As {@link #assertJournalMatches}, tolerating temporary files a killed process may leave (never read). */
    void assertJournalMatchesAfterKill(List<StaffMember> staff, SchoolYear year) {
        JournalState state = journal();
        assertThat(state.acknowledged().accesses()).hasSize(staff.size());
        for (StaffMember m : staff) {
            AcknowledgedAccess ack = state.acknowledged().find(key(m).digest()).orElseThrow(
                    () -> new AssertionError("journal lacks " + m.displayName()));
            assertThat(ack.active()).isTrue();
            assertThat(ack.schoolYear()).isEqualTo(year);
            assertThat(ack.accountId()).isPresent();
        }
    }

    @Override
    public void close() {
        extranet.close();
    }
}
