package be.segec.extranet.core.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the extranet last acknowledged for one school, by identity key digest. Empty for a
 * school's first transfer (or after the journal was lost, which costs one full transfer).
 */
public final class AcknowledgedState {

    private static final AcknowledgedState EMPTY = new AcknowledgedState(Map.of());

    private final Map<String, AcknowledgedAccess> byDigest;

    private AcknowledgedState(Map<String, AcknowledgedAccess> byDigest) {
        this.byDigest = byDigest;
    }

    public static AcknowledgedState empty() {
        return EMPTY;
    }

    /** A state of these accesses; a later entry for the same digest replaces an earlier one. */
    public static AcknowledgedState of(Collection<AcknowledgedAccess> accesses) {
        Map<String, AcknowledgedAccess> map = new LinkedHashMap<>();
        for (AcknowledgedAccess a : accesses) {
            map.put(Objects.requireNonNull(a, "access").keyDigest(), a);
        }
        return new AcknowledgedState(Map.copyOf(map));
    }

    public boolean isEmpty() {
        return byDigest.isEmpty();
    }

    public Optional<AcknowledgedAccess> find(String keyDigest) {
        return Optional.ofNullable(byDigest.get(keyDigest));
    }

    public Collection<AcknowledgedAccess> accesses() {
        return byDigest.values();
    }

    /** How many accesses the extranet last acknowledged as active in this school. */
    public int activeCount() {
        int n = 0;
        for (AcknowledgedAccess a : byDigest.values()) {
            if (a.active()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "AcknowledgedState[" + byDigest.size() + " accesses, " + activeCount() + " active]";
    }
}
