package be.segec.extranet.core.policy;

import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.message.Message;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link TransferPolicy#plan}: one action per record of the school software (and
 * one per vanished person), plan-level messages, and whether the guard stopped the run.
 *
 * @param schoolYear    the school year every request is for
 * @param referenceDate the school software's "today"
 * @param actions       one action per record, sorted by local id
 * @param messages      messages about the whole school (several directors, guard)
 * @param guardStop     present when the run must stop before sending anything
 * @param newSchoolYear whether every access the extranet acknowledged is of an earlier school
 *                      year: the first run of a school year, which the journal records as a full
 *                      confirmation (the {@code NEW_SCHOOL_YEAR} message says it to people)
 */
public record TransferPlan(SchoolYear schoolYear, LocalDate referenceDate, List<AccountAction> actions,
                           List<Message> messages, Optional<GuardStop> guardStop, boolean newSchoolYear) {

    /**
     * Checks that no component is null and copies the lists.
     *
     * @param schoolYear the school year every request is for
     * @param referenceDate the school software's "today"
     * @param actions one action per record, sorted by local id
     * @param messages messages about the whole school (several directors, guard)
     * @param guardStop present when the run must stop before sending anything
     * @param newSchoolYear whether every access the extranet acknowledged is of an earlier school year: the
     *     first run of a school year, which the journal records as a full confirmation (the {@code
     *     NEW_SCHOOL_YEAR} message says it to people)
     * @throws NullPointerException when a component is null
     */
    public TransferPlan {
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(referenceDate, "referenceDate");
        actions = List.copyOf(actions);
        messages = List.copyOf(messages);
        Objects.requireNonNull(guardStop, "guardStop");
    }

    /** {@return whether the guard stopped the run before anything was sent} */
    public boolean stoppedByGuard() {
        return guardStop.isPresent();
    }

    /** {@return the actions that go on the wire (ENSURE and DEACTIVATE)} */
    public List<AccountAction> toSend() {
        return actions.stream().filter(AccountAction::isSent).toList();
    }

    /**
     * How many actions are of this kind.
     *
     * @param kind the kind
     * @return their number
     */
    public long count(ActionKind kind) {
        return actions.stream().filter(a -> a.kind() == kind).count();
    }
}
