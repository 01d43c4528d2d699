package be.segec.extranet.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.identity.PersonIdentity;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A record on the wire has exactly the shape the protocol allows for its action. */
class RecordCommandTest {

    private static final PersonIdentity MARIE = PersonIdentity.of("Dupont", "Marie", LocalDate.of(1980, 1, 2));

    @Test
    void theFactoriesMakeTheThreeAllowedShapes() {
        assertThat(RecordCommand.ensure("1", MARIE, "m@ecole.be", Role.TEACHER).accountId()).isEmpty();
        assertThat(RecordCommand.deactivate("1", MARIE).email()).isEmpty();
        assertThat(RecordCommand.deactivateAccount("1", "A000001").lastName()).isEmpty();
    }

    @Test
    void aDeactivationDesignatesThePersonOrTheAccountNeverBothNorNeither() {
        Optional<String> last = Optional.of("Dupont");
        Optional<String> first = Optional.of("Marie");
        Optional<LocalDate> birth = Optional.of(LocalDate.of(1980, 1, 2));
        assertThatThrownBy(() -> new RecordCommand("1", RecordCommand.Command.DEACTIVATE, last, first, birth,
                Optional.empty(), Optional.empty(), Optional.of("A1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordCommand("1", RecordCommand.Command.DEACTIVATE, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordCommand("1", RecordCommand.Command.DEACTIVATE, last, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("A1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordCommand("1", RecordCommand.Command.DEACTIVATE, last, first, birth,
                Optional.of("m@ecole.be"), Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCorrectedEnsureNamesTheAccountItsIdentityWasAcknowledgedUnder() {
        RecordCommand corrected = RecordCommand.ensureCorrected("1", MARIE, "m@ecole.be", Role.TEACHER, "A000001");
        assertThat(corrected.action()).isEqualTo(RecordCommand.Command.ENSURE);
        assertThat(corrected.accountId()).contains("A000001");
        assertThat(corrected.lastName()).contains("Dupont");
    }

    @Test
    void anEnsureNeedsItsEMail() {
        assertThatThrownBy(() -> new RecordCommand("1", RecordCommand.Command.ENSURE, Optional.of("Dupont"), Optional.of("Marie"),
                Optional.of(LocalDate.of(1980, 1, 2)), Optional.empty(), Optional.of(Role.TEACHER), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
