package be.segec.extranet.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import be.segec.extranet.core.StaffMember;
import org.junit.jupiter.api.Test;

/**
 * StaffMember is a value built by name: a copy through its builder is equal to it, and its
 * {@code toString} (which ends up in logs and assertion failures) never shows the birth date
 * nor the e-mail address.
 */
class StaffMemberValueTest {

    @Test
    void aCopyThroughTheBuilderIsEqualWithTheSameHash() {
        qt().forAll(StaffFixtures.members()).check(m -> {
            StaffMember copy = m.toBuilder().build();
            return copy.equals(m) && copy.hashCode() == m.hashCode() && copy != m;
        });
    }

    @Test
    void changingOneFlagMakesAnotherValue() {
        qt().forAll(StaffFixtures.members()).checkAssert(m -> {
            assertThat(m.toBuilder().teaching(!m.teaching()).build()).isNotEqualTo(m);
            assertThat(m.toBuilder().promotionFunction(!m.promotionFunction()).build()).isNotEqualTo(m);
            assertThat(m.toBuilder().administrativePresence(!m.administrativePresence()).build()).isNotEqualTo(m);
            assertThat(m.toBuilder().physicalPresence(!m.physicalPresence()).build()).isNotEqualTo(m);
        });
    }

    @Test
    void toStringShowsNeitherTheBirthDateNorTheEmail() {
        qt().forAll(StaffFixtures.members()).checkAssert(m -> {
            String text = m.toString();
            assertThat(text).contains("localId=" + m.localId()).contains(m.lastName());
            m.birthDate().ifPresent(d -> assertThat(text).doesNotContain(d.toString())
                    .doesNotContain(Integer.toString(d.getYear())));
            m.email().ifPresent(e -> assertThat(text).doesNotContain(e).doesNotContain("@"));
        });
    }

    @Test
    void theBuilderDefaultsAreThoseOfATeacherPresentInTheSchool() {
        StaffMember m = StaffMember.builder().build();
        assertThat(m.teaching()).isTrue();
        assertThat(m.promotionFunction()).isFalse();
        assertThat(m.administrativePresence()).isTrue();
        assertThat(m.physicalPresence()).isTrue();
        assertThat(m.localId()).isEmpty();
        assertThat(m.birthDate()).isEmpty();
        assertThat(m.email()).isEmpty();
        assertThat(m.exitDate()).isEmpty();
        assertThat(m.fieldProblems()).isEmpty();
    }
}
