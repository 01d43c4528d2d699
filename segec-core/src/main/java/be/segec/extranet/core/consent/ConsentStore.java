package be.segec.extranet.core.consent;

import be.segec.extranet.core.SchoolId;
import java.util.Optional;

/**
 * Keeps each school's consent decision. Implementations are thread-safe; a store that cannot
 * read what it holds throws {@link be.segec.extranet.core.transfer.StateFileException} rather
 * than answering "undecided".
 */
public interface ConsentStore {

    /** The school's last decision; empty when it never decided. */
    Optional<ConsentRecord> read(SchoolId school);

    /** Replaces the school's decision. */
    void write(SchoolId school, ConsentRecord record);
}
