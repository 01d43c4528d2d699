package be.segec.extranet.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A record's code is read once into a typed notice; only the protocol's codes are known. */
class ResultNoticeTest {

    @Test
    void theProtocolsCodesAreKnownByName() {
        assertThat(ResultNotice.of(Optional.of("EMAIL_TAKEN"))).isEqualTo(ResultNotice.EMAIL_TAKEN);
        assertThat(ResultNotice.of(Optional.of("IDENTITY_TAKEN"))).isEqualTo(ResultNotice.IDENTITY_TAKEN);
        assertThat(ResultNotice.of(Optional.of("ACCOUNT_NOT_IN_SCHOOL"))).isEqualTo(ResultNotice.ACCOUNT_NOT_IN_SCHOOL);
        assertThat(ResultNotice.of(Optional.of("IDENTITY_UPDATED"))).isEqualTo(ResultNotice.IDENTITY_UPDATED);
        assertThat(ResultNotice.of(Optional.of("FORMER_IDENTITY"))).isEqualTo(ResultNotice.FORMER_IDENTITY);
        assertThat(ResultNotice.of(Optional.empty())).isEqualTo(ResultNotice.NONE);
    }

    @Test
    void anyOtherCodeIsOther() {
        assertThat(ResultNotice.of(Optional.of("NONE"))).isEqualTo(ResultNotice.OTHER);
        assertThat(ResultNotice.of(Optional.of("OTHER"))).isEqualTo(ResultNotice.OTHER);
        assertThat(ResultNotice.of(Optional.of("email_taken"))).isEqualTo(ResultNotice.OTHER);
        Set<String> known = Set.of("EMAIL_TAKEN", "IDENTITY_TAKEN", "ACCOUNT_NOT_IN_SCHOOL", "IDENTITY_UPDATED", "FORMER_IDENTITY");
        qt().forAll(strings().allPossible().ofLengthBetween(0, 30)).assuming(s -> !known.contains(s))
                .check(s -> ResultNotice.of(Optional.of(s)) == ResultNotice.OTHER);
    }
}
