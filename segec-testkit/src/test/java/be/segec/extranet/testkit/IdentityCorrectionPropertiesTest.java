package be.segec.extranet.testkit;

import static be.segec.extranet.testkit.Wire.body;
import static be.segec.extranet.testkit.Wire.ensure;
import static be.segec.extranet.testkit.Wire.ensureCorrected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.identity.IdentityKey;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import tools.jackson.databind.JsonNode;

/**
 * For any sequence of identity corrections by account id, some of them colliding with another
 * person's current or former identity, the fake extranet keeps exactly one account per person,
 * answers each correction as docs/protocol.md says, and every former identity of a person still
 * reaches that person's account from another school.
 */
class IdentityCorrectionPropertiesTest {

    private static final SchoolId A = SchoolId.of(1234);
    private static final SchoolId B = SchoolId.of(5678);

    /** A person's identity as a school types it. */
    private record Identity(String last, String first, LocalDate birth) {
        IdentityKey key() {
            return IdentityKey.from(last, first, birth).orElseThrow();
        }
    }

    /** Identities the corrections draw from: few, so that collisions are frequent; spelling variants of one key among them. */
    private static final List<Identity> POOL = List.of(
            new Identity("Dubois", "Anne", LocalDate.of(1985, 3, 14)),
            new Identity("DUBOIS", "anne", LocalDate.of(1985, 3, 14)),
            new Identity("Lambert", "Anne", LocalDate.of(1985, 3, 14)),
            new Identity("Lambert", "Anne", LocalDate.of(1985, 4, 13)),
            new Identity("Van den Berghe", "Élise", LocalDate.of(1975, 2, 28)),
            new Identity("Vandenberghe", "Elise", LocalDate.of(1975, 2, 28)),
            new Identity("D'Hondt", "Marie-Claire", LocalDate.of(1980, 5, 12)),
            new Identity("Dhondt", "Marie Claire", LocalDate.of(1980, 5, 12)),
            new Identity("Martin", "Luc", LocalDate.of(1979, 2, 2)));
    private static final List<String> FIRST_NAMES = List.of("Un", "Deux", "Trois", "Quatre");

    /** One correction: which person (modulo the number of people), to which identity of the pool. */
    private record Correction(int person, int identity) {
    }

    private static Gen<List<Correction>> corrections() {
        Gen<Correction> one = integers().between(0, 3).zip(integers().between(0, POOL.size() - 1), Correction::new);
        return lists().of(one).ofSizeBetween(1, 15);
    }

    /** What the test expects the extranet to know of one person. */
    private static final class Person {
        final String accountId;
        final String email;
        Identity current;
        final Map<IdentityKey, Identity> former = new HashMap<>();

        Person(String accountId, String email, Identity current) {
            this.accountId = accountId;
            this.email = email;
            this.current = current;
        }

        boolean holds(IdentityKey key) {
            return current.key().equals(key) || former.containsKey(key);
        }
    }

    @Test
    void anySequenceOfRenamesKeepsOneAccountPerPersonAndEveryFormerIdentityReachesIt() {
        qt().withExamples(40).withShrinkCycles(30).forAll(integers().between(1, 4), corrections()).checkAssert((n, list) -> {
            try (FakeSegecServer server = FakeSegecServer.builder().school(A, "token-a").school(B, "token-b").start()) {
                Wire wire = new Wire(server);
                List<Person> people = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Identity first = new Identity("Personne", FIRST_NAMES.get(i), LocalDate.of(1970, 1, 1));
                    people.add(new Person(String.format("A%06d", i + 1), "p" + i + "@ecole.be", first));
                    transfer(wire, A, ensure("L" + i, first.last(), first.first(), first.birth().toString(), "p" + i + "@ecole.be",
                            "TEACHER"));
                }
                for (Correction c : list) {
                    int p = c.person() % n;
                    Person person = people.get(p);
                    Identity to = POOL.get(c.identity());
                    JsonNode r = transfer(wire, A, ensureCorrected("L" + p, to.last(), to.first(), to.birth().toString(),
                            person.email, "TEACHER", person.accountId)).get("results").get(0);

                    String step = c + " " + to;
                    boolean taken = people.stream().anyMatch(o -> o != person && o.holds(to.key()));
                    if (taken) {
                        assertThat(r.get("outcome").stringValue()).as(step).isEqualTo("CONFLICT");
                        assertThat(r.get("code").stringValue()).as(step).isEqualTo("IDENTITY_TAKEN");
                    } else if (person.current.key().equals(to.key())) {
                        assertThat(r.get("outcome").stringValue()).as(step).isEqualTo("UNCHANGED");
                        assertThat(r.get("code").isNull()).as(step).isTrue();
                        person.current = to;
                    } else {
                        assertThat(r.get("outcome").stringValue()).as(step).isEqualTo("UPDATED");
                        assertThat(r.get("code").stringValue()).as(step).isEqualTo("IDENTITY_UPDATED");
                        person.former.put(person.current.key(), person.current);
                        person.former.remove(to.key());
                        person.current = to;
                    }
                    assertThat(r.get("accountId").stringValue()).as(step).isEqualTo(person.accountId);
                    assertMatches(server, people, step);
                }
                // a second school still sending any identity a person ever had reaches that person's account
                for (Person person : people) {
                    for (Identity was : person.former.values()) {
                        JsonNode r = transfer(wire, B, ensure("B", was.last(), was.first(), was.birth().toString(), person.email,
                                "TEACHER")).get("results").get(0);
                        assertThat(r.get("accountId").stringValue()).as(was.toString()).isEqualTo(person.accountId);
                        assertThat(r.get("code").stringValue()).as(was.toString()).isEqualTo("FORMER_IDENTITY");
                    }
                }
                assertMatches(server, people, "after the second school");
                assertThat(server.outbox()).filteredOn(m -> m.kind() == OutboxMessage.Kind.INVITATION).hasSize(n);
            }
        });
    }

    private static JsonNode transfer(Wire wire, SchoolId school, String record) {
        try {
            HttpResponse<String> r = wire.transfer(school.fase(), school.equals(A) ? "token-a" : "token-b", body(record));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return Wire.json(r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Exactly one account per person, holding that person's current identity and former ones as aliases. */
    private static void assertMatches(FakeSegecServer server, List<Person> people, String step) {
        List<Account> accounts = server.accounts();
        assertThat(accounts).as(step).hasSize(people.size());
        for (Person person : people) {
            Account account = server.account(person.accountId).orElseThrow();
            assertThat(IdentityKey.from(account.lastName(), account.firstName(), account.birthDate())).as(step)
                    .contains(person.current.key());
            Set<IdentityKey> aliases = new HashSet<>();
            for (Account.Alias alias : account.aliases()) {
                aliases.add(IdentityKey.from(alias.lastName(), alias.firstName(), alias.birthDate()).orElseThrow());
            }
            assertThat(aliases).as(step).hasSize(account.aliases().size()).isEqualTo(person.former.keySet());
            assertThat(account.isActiveIn(A)).as(step).isTrue();
        }
    }
}
