package be.segec.extranet.core.store.memory;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.consent.ConsentRecord;
import be.segec.extranet.core.store.ConsentStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link ConsentStore} in memory, for tests and for applications that keep consent elsewhere. Thread-safe. */
public final class InMemoryConsentStore implements ConsentStore {

    private final ConcurrentMap<SchoolId, ConsentRecord> records = new ConcurrentHashMap<>();

    /** A store where no school decided yet. */
    public InMemoryConsentStore() {
        // nothing decided yet
    }

    @Override
    public Optional<ConsentRecord> read(SchoolId school) {
        return Optional.ofNullable(records.get(Objects.requireNonNull(school, "school")));
    }

    @Override
    public void write(SchoolId school, ConsentRecord record) {
        records.put(Objects.requireNonNull(school, "school"), Objects.requireNonNull(record, "record"));
    }
}
