package be.segec.extranet.core.validation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The birth date rule of the domain: present, not before {@link #EARLIEST}, not in the future,
 * and at least {@value #MIN_AGE_YEARS} years before the reference date (a staff member born last
 * year is a typing error, usually the entry date typed in the wrong box).
 */
public final class BirthDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final int MIN_AGE_YEARS = 15;

    /** What is wrong with a birth date, if anything. */
    public enum Problem { NONE, MISSING, BEFORE_1900, IN_FUTURE, TOO_RECENT }

    private BirthDates() {
    }

    public static Problem check(Optional<LocalDate> birthDate, LocalDate referenceDate) {
        if (birthDate == null || birthDate.isEmpty()) {
            return Problem.MISSING;
        }
        LocalDate d = birthDate.get();
        if (d.isBefore(EARLIEST)) {
            return Problem.BEFORE_1900;
        }
        if (d.isAfter(referenceDate)) {
            return Problem.IN_FUTURE;
        }
        if (d.isAfter(referenceDate.minusYears(MIN_AGE_YEARS))) {
            return Problem.TOO_RECENT;
        }
        return Problem.NONE;
    }
}
