package be.segec.extranet.core.transfer.internal;

import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.policy.AcknowledgedState;
import be.segec.extranet.core.transfer.JournalState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The journal's operations as pure functions on {@link JournalState}, shared by every journal. Not part of the API. */
public final class JournalStates {

    /** The order entries are kept in files: by local id, then digest, so files diff well. */
    public static final Comparator<AcknowledgedAccess> ORDER = Comparator.comparing(AcknowledgedAccess::localId)
            .thenComparing(AcknowledgedAccess::keyDigest);

    private JournalStates() {
    }

    /** The new accesses replace the ones of the same digest, in their place. */
    public static JournalState acknowledge(JournalState state, List<AcknowledgedAccess> accesses) {
        return new JournalState(state.acknowledged().with(accesses), state.lastSuccess(), state.lastFullConfirmation());
    }

    /**
     * {@link #acknowledge(JournalState, List)} after forgetting the {@code superseded} digests: a
     * corrected identity's former digest goes as its new one comes (domain rule 10). A digest
     * that is also among the new accesses is kept, as the new access.
     */
    public static JournalState acknowledge(JournalState state, List<AcknowledgedAccess> accesses,
                                           Collection<String> superseded) {
        if (superseded.isEmpty()) {
            return acknowledge(state, accesses);
        }
        Set<String> gone = new HashSet<>(superseded);
        List<AcknowledgedAccess> kept = new ArrayList<>(state.acknowledged().accesses().size());
        for (AcknowledgedAccess a : state.acknowledged().accesses()) {
            if (!gone.contains(a.keyDigest())) {
                kept.add(a);
            }
        }
        AcknowledgedState before = kept.size() == state.acknowledged().accesses().size()
                ? state.acknowledged() : AcknowledgedState.of(kept);
        return new JournalState(before.with(accesses), state.lastSuccess(), state.lastFullConfirmation());
    }

    /** The {@code superseded} digests that are not among {@code accesses}' digests. */
    public static List<String> supersededOnly(List<AcknowledgedAccess> accesses, Collection<String> superseded) {
        Set<String> kept = new HashSet<>();
        for (AcknowledgedAccess a : accesses) {
            kept.add(a.keyDigest());
        }
        List<String> out = new ArrayList<>();
        for (String d : superseded) {
            if (!kept.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    public static JournalState forget(JournalState state, Collection<String> digests) {
        Set<String> gone = new HashSet<>(digests);
        List<AcknowledgedAccess> kept = new ArrayList<>();
        for (AcknowledgedAccess a : state.acknowledged().accesses()) {
            if (!gone.contains(a.keyDigest())) {
                kept.add(a);
            }
        }
        return new JournalState(AcknowledgedState.of(kept), state.lastSuccess(), state.lastFullConfirmation());
    }

    public static JournalState success(JournalState state, Instant at) {
        return new JournalState(state.acknowledged(), Optional.of(at), state.lastFullConfirmation());
    }

    public static JournalState fullConfirmation(JournalState state, SchoolYear year) {
        return new JournalState(state.acknowledged(), state.lastSuccess(), Optional.of(year));
    }

    /**
     * Whether a completed transfer for {@code year} forgets {@code a}: an inactive access of an
     * earlier school year is personal data no longer needed.
     */
    public static boolean isStale(AcknowledgedAccess a, SchoolYear year) {
        return !a.active() && a.schoolYear().compareTo(year) < 0;
    }

    /** A completed transfer: stale inactive entries of earlier years forgotten, confirmation and success recorded. */
    public static JournalState completion(JournalState state, SchoolYear year, boolean fullConfirmation, Instant at) {
        List<AcknowledgedAccess> kept = new ArrayList<>();
        for (AcknowledgedAccess a : state.acknowledged().accesses()) {
            if (!isStale(a, year)) {
                kept.add(a);
            }
        }
        AcknowledgedState acknowledged = kept.size() == state.acknowledged().accesses().size()
                ? state.acknowledged() : AcknowledgedState.of(kept);
        return new JournalState(acknowledged, Optional.of(at),
                fullConfirmation ? Optional.of(year) : state.lastFullConfirmation());
    }

    /** The entries in file order. */
    public static List<AcknowledgedAccess> sorted(JournalState state) {
        List<AcknowledgedAccess> list = new ArrayList<>(state.acknowledged().accesses());
        list.sort(ORDER);
        return list;
    }
}
