package be.segec.extranet.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import be.segec.extranet.core.StaffMember;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** The e-mail rule, and the Jakarta constraints agreeing with the rules the policy applies. */
class EmailAndJakartaTest {

    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 10, 15).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final Validator VALIDATOR = StaffValidation.validator(CLOCK);

    @Test
    void deliverableAddressesAreTrimmedWithTheDomainLowerCased() {
        assertThat(EmailAddresses.normalize("  Marie.Dupont@Ecole-St-Jean.BE ")).contains("Marie.Dupont@ecole-st-jean.be");
        assertThat(EmailAddresses.normalize("jan+school@sub.domain.org")).contains("jan+school@sub.domain.org");
    }

    @Test
    void addressesNoMailServerRoutesAreRefused() {
        for (String bad : new String[] {"", " ", "marie", "marie@localhost", "marie@ecole", "marie@@ecole.be", "ma rie@ecole.be",
                "marie@ecole .be", ".marie@ecole.be", "marie.@ecole.be", "ma..rie@ecole.be", "marie@-ecole.be", "marie@ecole.b",
                "marie@ecole.123", "marie@ecole..be", "marie@\u0000ecole.be", "marié@ecole.be", "x".repeat(65) + "@ecole.be"}) {
            assertThat(EmailAddresses.normalize(bad)).as(bad).isEmpty();
        }
        assertThat(EmailAddresses.normalize(null)).isEmpty();
    }

    @Test
    void normalisingIsIdempotentAndNeverThrows() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 60)).check(s ->
                EmailAddresses.normalize(s).map(n -> EmailAddresses.normalize(n).orElseThrow().equals(n)).orElse(true));
        qt().forAll(strings().ascii().ofLengthBetween(0, 30), Generate.pick(java.util.List.of("@ecole.be", "@x", "@ECOLE.BE", ""))).check((l, d) ->
                EmailAddresses.normalize(l + d).map(n -> EmailAddresses.normalize(n).orElseThrow().equals(n)).orElse(true));
    }

    @Test
    void jakartaValidationAgreesWithTheRules() {
        StaffMember ok = StaffMember.builder().localId("1").lastName("D'Hondt").firstName("Zoë")
                .birthDate(LocalDate.of(1980, 2, 29)).email("zoe.dhondt@ecole.be").build();
        assertThat(VALIDATOR.validate(ok)).isEmpty();
        Set<ConstraintViolation<StaffMember>> bad = VALIDATOR.validate(ok.toBuilder().email("zoe@localhost")
                .lastName("...").birthDate(LocalDate.of(2026, 10, 16)).build());
        assertThat(bad).extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder("email", "lastName", "birthDate");
        assertThat(VALIDATOR.validate(ok.toBuilder().email(null).birthDate(null).build()))
                .extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder("email", "birthDate");
        // rule 3, tightened: the constraints follow (reference date 15/10/2026)
        assertThat(VALIDATOR.validate(ok.toBuilder().email("zoe@école.be").lastName("Van\u00A0den  Berghe\u00AD").build())).isEmpty();
        assertThat(VALIDATOR.validate(ok.toBuilder().email("zoë@ecole.be").lastName("\u202ESIOBUD").birthDate(LocalDate.of(1900, 1, 1)).build()))
                .extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder("email", "lastName", "birthDate");
        assertThat(VALIDATOR.validate(ok.toBuilder().email("zoe@gmail.con").birthDate(LocalDate.of(2008, 10, 16)).build()))
                .extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder("email", "birthDate");
        assertThat(VALIDATOR.validate(ok.toBuilder().email("zoe@gmial.com").birthDate(LocalDate.of(2008, 10, 15)).build()))
                .as("a provider slip is sent with a warning, an 18th birthday today is plausible").isEmpty();
        assertThat(VALIDATOR.validate(ok.toBuilder().birthDate(LocalDate.of(1950, 10, 15)).build())).hasSize(1);
        assertThat(VALIDATOR.validate(ok.toBuilder().birthDate(LocalDate.of(1950, 10, 16)).build())).isEmpty();
        qt().withExamples(300).forAll(strings().allPossible().ofLengthBetween(0, 20), strings().ascii().ofLengthBetween(0, 20))
                .check((name, mail) -> {
                    StaffMember m = ok.toBuilder().lastName(name).email(mail).build();
                    Set<String> paths = new java.util.HashSet<>();
                    VALIDATOR.validate(m).forEach(v -> paths.add(v.getPropertyPath().toString()));
                    return paths.contains("lastName") == !PersonNames.isValid(name)
                            && paths.contains("email") == EmailAddresses.normalize(mail).isEmpty();
                });
    }
}
