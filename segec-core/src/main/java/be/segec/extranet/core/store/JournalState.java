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
 * @param lastFailure          when the school's last run that did not complete ended, from a
 *                             store that keeps failures ({@link JournalChange#failure()}: the
 *                             PostgreSQL store does); empty from a store that does not (the file
 *                             and memory stores). {@link JournalChange#applyTo} leaves it as it is;
 *                             it only decides whether a completion needs recording
 *                             ({@link JournalChange#needsRecording})
 */
public record JournalState(AcknowledgedState acknowledged, Optional<Instant> lastSuccess,
                           Optional<SchoolYear> lastFullConfirmation, Optional<Instant> lastFailure) {

    private static final JournalState EMPTY = new JournalState(AcknowledgedState.empty(), Optional.empty(), Optional.empty());

    /**
     * Checks that no component is null.
     *
     * @param acknowledged what the extranet last acknowledged, for the policy's delta
     * @param lastSuccess when the last transfer completed (COMPLETED or COMPLETED_WITH_REJECTIONS); empty
     *     before the first one
     * @param lastFullConfirmation the school year of the last completed transfer that sent every active access
     *     (a full transfer, the first of a school year, or the first ever); empty before the first one
     * @param lastFailure when the school's last run that did not complete ended, from a store that keeps
     *     failures; empty otherwise
     * @throws NullPointerException when a component is null
     */
    public JournalState {
        Objects.requireNonNull(acknowledged, "acknowledged");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastFullConfirmation, "lastFullConfirmation");
        Objects.requireNonNull(lastFailure, "lastFailure");
    }

    /**
     * A state from a store that keeps no failure.
     *
     * @param acknowledged what the extranet last acknowledged, for the policy's delta
     * @param lastSuccess when the last transfer completed; empty before the first one
     * @param lastFullConfirmation the school year of the last completed transfer that sent every active access;
     *     empty before the first one
     * @throws NullPointerException when a component is null
     */
    public JournalState(AcknowledgedState acknowledged, Optional<Instant> lastSuccess,
                        Optional<SchoolYear> lastFullConfirmation) {
        this(acknowledged, lastSuccess, lastFullConfirmation, Optional.empty());
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
