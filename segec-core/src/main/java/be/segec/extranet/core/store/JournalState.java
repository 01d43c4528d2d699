package be.segec.extranet.core.store;

import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.policy.AcknowledgedState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the journal holds for one school.
 *
 * @param acknowledged         what the extranet last acknowledged, for the policy's delta
 * @param lastSuccess          when the last transfer completed (COMPLETED or
 *                             COMPLETED_WITH_REJECTIONS); empty before the first one
 * @param lastFullConfirmation the school year of the last completed transfer that sent every
 *                             active access (a full transfer, the first of a school year, or the
 *                             first ever); empty before the first one
 */
public record JournalState(AcknowledgedState acknowledged, Optional<Instant> lastSuccess,
                           Optional<SchoolYear> lastFullConfirmation) {

    private static final JournalState EMPTY = new JournalState(AcknowledgedState.empty(), Optional.empty(), Optional.empty());

    /**
     * Checks that no component is null.
     *
     * @param acknowledged what the extranet last acknowledged, for the policy's delta
     * @param lastSuccess when the last transfer completed (COMPLETED or COMPLETED_WITH_REJECTIONS); empty
     *     before the first one
     * @param lastFullConfirmation the school year of the last completed transfer that sent every active access
     *     (a full transfer, the first of a school year, or the first ever); empty before the first one
     * @throws NullPointerException when a component is null
     */
    public JournalState {
        Objects.requireNonNull(acknowledged, "acknowledged");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastFullConfirmation, "lastFullConfirmation");
    }

    /**
     * A school that never transferred (or whose journal was lost: one full transfer follows).
     *
     * @return the empty state
     */
    public static JournalState empty() {
        return EMPTY;
    }
}
