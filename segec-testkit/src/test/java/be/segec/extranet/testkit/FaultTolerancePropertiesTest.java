package be.segec.extranet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static be.segec.extranet.testkit.quicktheories.QuickTheoriesAdapter.gen;
import static org.quicktheories.QuickTheory.qt;

import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * For any generated school and any few faults the transport can ride out, the extranet ends
 * exactly as if nothing had gone wrong: same accounts, same accesses, same e-mails.
 */
class FaultTolerancePropertiesTest {

    private static final Gen<Fault> FAULTS = Generate.pick(List.of(Fault.Status.of(503), Fault.Status.of(429, Duration.ofSeconds(1)),
            Fault.Status.of(502), new Fault.DropBeforeProcessing(), new Fault.DropAfterProcessing()));

    @Test
    void faultsNeverChangeWhatTheExtranetEndsWith() {
        qt().withExamples(10).withShrinkCycles(20)
                .forAll(gen(StaffGenerators.schools(Engines.TODAY)), SourceDSL.lists().of(FAULTS).ofSizeBetween(0, 3))
                .checkAssert((school, faults) -> {
                    try (FakeSegecServer calm = FakeSegecServer.start(); FakeSegecServer stormy = FakeSegecServer.start()) {
                        String token = "token-" + school.school();
                        calm.registerSchool(school.school(), token);
                        stormy.registerSchool(school.school(), token);
                        faults.forEach(f -> stormy.enqueue(f, 1));

                        TransferReport expected = new Engines(calm, token).run(school.school(), school.staff());
                        TransferReport actual = new Engines(stormy, token).run(school.school(), school.staff());

                        assertThat(expected.status()).isEqualTo(TransferStatus.COMPLETED);
                        assertThat(actual.status()).as(faults.toString()).isEqualTo(TransferStatus.COMPLETED);
                        assertThat(stormy.accounts()).as(faults.toString()).isEqualTo(calm.accounts());
                        assertThat(stormy.outbox()).as(faults.toString()).isEqualTo(calm.outbox());
                        assertThat(stormy.requestCount()).isEqualTo(calm.requestCount() + faults.size());
                    }
                });
    }
}
