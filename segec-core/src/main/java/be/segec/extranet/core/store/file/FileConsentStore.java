package be.segec.extranet.core.store.file;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.consent.ConsentDecision;
import be.segec.extranet.core.consent.ConsentRecord;
import be.segec.extranet.core.internal.JsonWriter;
import be.segec.extranet.core.store.ConsentStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ConsentStore} keeping one JSON file per school ({@code consent-<fase>.json}) in a
 * state directory, created if absent. Writes are atomic (temporary file, fsync, rename); a
 * damaged file is a {@link StateFileException}, never
 * "undecided". Thread-safe; processes sharing the directory see whole files only.
 */
public final class FileConsentStore implements ConsentStore {

    private static final int FORMAT = 1;
    private static final String IF_DAMAGED = "Move the file aside (or delete it): the school will then be asked"
            + " for its consent again at the next manual transfer, and automatic transfers wait until then.";

    private final Path dir;

    /**
     * A consent store in {@code dir}.
     *
     * @param dir the state directory, created if absent
     * @throws StateFileException when the directory cannot be created
     */
    public FileConsentStore(Path dir) {
        this.dir = StateFiles.directory(Objects.requireNonNull(dir, "dir"));
    }

    /**
     * The file that holds a school's decision.
     *
     * @param school the school
     * @return {@code consent-<fase>.json} in the state directory
     */
    public Path file(SchoolId school) {
        return dir.resolve("consent-" + school.fase() + ".json");
    }

    @Override
    public synchronized Optional<ConsentRecord> read(SchoolId school) {
        Objects.requireNonNull(school, "school");
        return StateFiles.read(file(school), IF_DAMAGED).map(doc -> decode(doc, school));
    }

    @Override
    public synchronized void write(SchoolId school, ConsentRecord record) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(record, "record");
        byte[] json = new JsonWriter().beginObject()
                .name("format").value(FORMAT)
                .name("school").value(school.fase())
                .name("decision").value(record.decision().name())
                .name("decidedBy").value(record.decidedBy())
                .name("decidedAt").value(record.decidedAt().toString())
                .name("disclosureVersion").value(record.disclosureVersion())
                .name("disclosureSha256").value(record.disclosureSha256())
                .endObject().toUtf8();
        StateFiles.writeAtomically(file(school), json);
    }

    private static ConsentRecord decode(StateDocument doc, SchoolId school) {
        if (doc.integer("format") != FORMAT) {
            throw doc.damaged("its format " + doc.integer("format") + " is not " + FORMAT
                    + " (written by another version of the library?)");
        }
        if (doc.integer("school") != school.fase()) {
            throw doc.damaged("it belongs to school " + doc.integer("school") + ", not " + school);
        }
        try {
            return new ConsentRecord(doc.parsed("decision", ConsentDecision::valueOf), doc.string("decidedBy"),
                    doc.parsed("decidedAt", Instant::parse), doc.string("disclosureVersion"), doc.string("disclosureSha256"));
        } catch (IllegalArgumentException e) {
            throw doc.damaged("a value breaks the rules (" + e.getMessage() + ")");
        }
    }
}
