package be.segec.extranet.core.store.file;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.policy.AcknowledgedAccess;
import be.segec.extranet.core.policy.AcknowledgedState;
import be.segec.extranet.core.internal.JsonWriter;
import be.segec.extranet.core.store.JournalChange;
import be.segec.extranet.core.store.JournalState;
import be.segec.extranet.core.store.TransferJournal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link TransferJournal} keeping one JSON file per school ({@code journal-<fase>.json}) in a
 * state directory, created if absent. Every change rewrites the file atomically (temporary
 * file, fsync, rename); a damaged file is a {@link StateFileException} naming the file, never
 * "nothing sent". It holds key digests, fingerprints, account ids, roles, activity, school
 * years, local ids and names: no birth date, no e-mail. Thread-safe; across processes, the
 * transfer's lock keeps writers of one school apart.
 */
public final class FileTransferJournal implements TransferJournal {

    private static final int FORMAT = 1;
    /** The order entries are kept in the file: by local id, then digest, so files diff well. */
    private static final Comparator<AcknowledgedAccess> ORDER = Comparator.comparing(AcknowledgedAccess::localId)
            .thenComparing(AcknowledgedAccess::keyDigest);
    private static final String IF_DAMAGED = "Move the file aside (or delete it): the next transfer of this school"
            + " then sends every record again (a full transfer), which is harmless.";

    /** How many schools' last states are kept in memory (a 300-person school: about 150 kB). */
    private static final int RECENT_SCHOOLS = 32;

    private final Path dir;
    private final java.util.concurrent.ConcurrentMap<SchoolId, Object> writers = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The state last written or read per school, with the stamp of its file then: a run reads
     * its school's journal up to three times and rewrites it twice, and need not read and parse
     * again what it has just written. Used only while
     * the file still has that stamp; bounded, least recently used first out.
     */
    private final Map<SchoolId, Recent> recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SchoolId, Recent> eldest) {
            return size() > RECENT_SCHOOLS;
        }
    });

    private record Recent(StateFiles.Stamp stamp, JournalState state) {
    }

    /**
     * A journal in {@code dir}.
     *
     * @param dir the state directory, created if absent
     * @throws StateFileException when the directory cannot be created
     */
    public FileTransferJournal(Path dir) {
        this.dir = StateFiles.directory(Objects.requireNonNull(dir, "dir"));
    }

    /**
     * The file that holds a school's journal.
     *
     * @param school the school
     * @return {@code journal-<fase>.json} in the state directory
     */
    public Path file(SchoolId school) {
        return dir.resolve("journal-" + school.fase() + ".json");
    }

    @Override
    public JournalState read(SchoolId school) {
        Objects.requireNonNull(school, "school");
        // No lock needed: a write replaces the file atomically, a reader sees the old or the new one.
        // Stamped before reading: if the file is replaced meanwhile, the next read sees another stamp.
        Optional<StateFiles.Stamp> stamp = StateFiles.stamp(file(school));
        Recent last = stamp.isPresent() ? recent.get(school) : null;
        if (last != null && last.stamp().equals(stamp.get())) {
            return last.state();
        }
        JournalState state = StateFiles.read(file(school), IF_DAMAGED).map(doc -> decode(doc, school)).orElse(JournalState.empty());
        stamp.ifPresent(s -> recent.put(school, new Recent(s, state)));
        return state;
    }

    @Override
    public void update(SchoolId school, JournalChange change) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(change, "change");
        if (change.changesNoState()) {
            return; // a failure alone: the file keeps nothing of it
        }
        // One lock per school, so schools transferring at once write (and fsync) in parallel.
        synchronized (writers.computeIfAbsent(school, s -> new Object())) {
            JournalState before = read(school);
            JournalState next = change.applyTo(before);
            if (next == before && StateFiles.stamp(file(school)).isPresent()) {
                return; // nothing changes: the file already says it
            }
            recent.remove(school); // until the write is known to have happened
            StateFiles.writeAtomically(file(school), encode(school, next))
                    .ifPresent(stamp -> recent.put(school, new Recent(stamp, next)));
        }
    }

    private static byte[] encode(SchoolId school, JournalState state) {
        JsonWriter w = new JsonWriter().beginObject()
                .name("format").value(FORMAT)
                .name("school").value(school.fase())
                .name("lastSuccess").value(state.lastSuccess().map(Instant::toString).orElse(null))
                .name("lastFullConfirmation").value(state.lastFullConfirmation().map(SchoolYear::toString).orElse(null))
                .name("accesses").beginArray();
        List<AcknowledgedAccess> sorted = new ArrayList<>(state.acknowledged().accesses());
        sorted.sort(ORDER);
        for (AcknowledgedAccess a : sorted) {
            w.beginObject()
                    .name("keyDigest").value(a.keyDigest())
                    .name("localId").value(a.localId())
                    .name("lastName").value(a.lastName())
                    .name("firstName").value(a.firstName())
                    .name("accountId").value(a.accountId().orElse(null))
                    .name("role").value(a.role().map(Role::name).orElse(null))
                    .name("active").value(a.active())
                    .name("fingerprint").value(a.fingerprint())
                    .name("schoolYear").value(a.schoolYear().toString())
                    .endObject();
        }
        return w.endArray().endObject().toUtf8();
    }

    private static JournalState decode(StateDocument doc, SchoolId school) {
        if (doc.integer("format") != FORMAT) {
            throw doc.damaged("its format " + doc.integer("format") + " is not " + FORMAT
                    + " (written by another version of the library?)");
        }
        if (doc.integer("school") != school.fase()) {
            throw doc.damaged("it belongs to school " + doc.integer("school") + ", not " + school);
        }
        Optional<Instant> lastSuccess = doc.optionalString("lastSuccess").map(s -> parse(doc, "lastSuccess", s, Instant::parse));
        Optional<SchoolYear> full = doc.optionalString("lastFullConfirmation")
                .map(s -> parse(doc, "lastFullConfirmation", s, SchoolYear::parse));
        List<AcknowledgedAccess> accesses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (StateDocument e : doc.objects("accesses")) {
            AcknowledgedAccess a;
            try {
                a = new AcknowledgedAccess(e.string("keyDigest"), e.string("localId"), e.string("lastName"),
                        e.string("firstName"), e.optionalString("accountId"),
                        e.optionalString("role").map(r -> parse(e, "role", r, Role::valueOf)), e.bool("active"),
                        e.string("fingerprint"), e.parsed("schoolYear", SchoolYear::parse));
            } catch (IllegalArgumentException ex) {
                throw doc.damaged("an access breaks the rules (" + ex.getMessage() + ")");
            }
            if (!seen.add(a.keyDigest())) {
                throw doc.damaged("the same person appears twice");
            }
            accesses.add(a);
        }
        return new JournalState(AcknowledgedState.of(accesses), lastSuccess, full);
    }

    private static <T> T parse(StateDocument doc, String name, String raw, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw doc.damaged("\"" + name + "\" has an unexpected value");
        }
    }
}
