package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.Engines.teacher;
import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferStatus;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many schools at once against one fake extranet (a small bounded server pool): exactly the expected accounts. */
class ConcurrentSchoolsTest {

    private static final int SCHOOLS = 50;
    private static final int PER_SCHOOL = 20;
    /** School i employs people i*STRIDE .. i*STRIDE+PER_SCHOOL-1: half of them also work in the next school. */
    private static final int STRIDE = 10;

    private static StaffMember person(int n, String localId) {
        return teacher(localId, "Nom-" + n, "Prénom", LocalDate.of(1960, 1, 1).plusDays(n * 17L), "personne" + n + "@ecole.be");
    }

    @Test
    void fiftySchoolsTransferringAtOnceEndWithExactlyTheExpectedAccounts() throws Exception {
        try (FakeSegecServer server = FakeSegecServer.builder().threads(4).start()) {
            HttpClient shared = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Map<Integer, Integer> schoolsOf = new HashMap<>();
            List<Future<TransferReport>> runs = new ArrayList<>();
            ExecutorService clients = Executors.newFixedThreadPool(SCHOOLS);
            CountDownLatch go = new CountDownLatch(1);
            long t0 = System.nanoTime();
            try {
                for (int i = 0; i < SCHOOLS; i++) {
                    SchoolId school = SchoolId.of(1000 + i);
                    String token = "token-" + school;
                    server.registerSchool(school, token);
                    List<StaffMember> staff = new ArrayList<>();
                    for (int k = 0; k < PER_SCHOOL; k++) {
                        int n = i * STRIDE + k;
                        staff.add(person(n, "L" + k));
                        schoolsOf.merge(n, 1, Integer::sum);
                    }
                    Engines engine = new Engines(server, token, shared);
                    runs.add(clients.submit(() -> {
                        go.await();
                        return engine.run(school, staff);
                    }));
                }
                go.countDown();
                for (Future<TransferReport> run : runs) {
                    assertThat(run.get(60, TimeUnit.SECONDS).status()).isEqualTo(TransferStatus.COMPLETED);
                }
            } finally {
                clients.shutdownNow();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            int people = schoolsOf.size();
            int memberships = schoolsOf.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(server.accounts()).hasSize(people);
            assertThat(server.accounts()).extracting(Account::email).doesNotHaveDuplicates();
            for (Account a : server.accounts()) {
                int n = Integer.parseInt(a.lastName().substring("Nom-".length()));
                assertThat(a.memberships()).as(a.lastName()).hasSize(schoolsOf.get(n));
                assertThat(a.memberships()).allSatisfy(m -> assertThat(m.active()).isTrue());
            }
            assertThat(server.outbox()).filteredOn(m -> m.kind() == OutboxMessage.Kind.INVITATION).hasSize(people);
            assertThat(server.outbox()).filteredOn(m -> m.kind() == OutboxMessage.Kind.CONFIRMATION).hasSize(memberships - people);
            assertThat(server.requestCount()).isEqualTo(SCHOOLS);
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                    "{0} schools, {1} people, {2} accesses in {3} ms", SCHOOLS, people, memberships, took.toMillis());
        }
    }
}
