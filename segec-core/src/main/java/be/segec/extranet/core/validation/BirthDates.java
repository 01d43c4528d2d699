package be.segec.extranet.core.validation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The birth date rule of the domain: present, not a spreadsheet's empty date cell, not in the
 * future, and making the person {@value #MIN_AGE_YEARS} to {@value #MAX_AGE_YEARS} years old
 * (whole years, both ends included) on the reference date. Anything else is a typing error:
 * usually the entry date typed in the wrong box, or a year off by a century.
 */
public final class BirthDates {

    /** The youngest age, in whole years, a staff member can have. */
    public static final int MIN_AGE_YEARS = 18;
    /** The oldest age, in whole years, a staff member can have. */
    public static final int MAX_AGE_YEARS = 75;

    /**
     * What spreadsheets show for an empty date cell: day 0 or 1 of the 1900 date system
     * (31/12/1899 or 01/01/1900 in Excel, 30/12/1899 in LibreOffice and other tools that start
     * the count there). Nobody born on these days teaches today: it is a missing date.
     */
    public static final Set<LocalDate> EMPTY_CELL_DATES =
            Set.of(LocalDate.of(1899, 12, 30), LocalDate.of(1899, 12, 31), LocalDate.of(1900, 1, 1));

    /** What is wrong with a birth date, if anything. */
    public enum Problem {
        /** A plausible birth date. */
        NONE,
        /** No birth date. */
        MISSING,
        /** A day spreadsheets show for an empty cell ({@link #EMPTY_CELL_DATES}): a missing date. */
        EMPTY_CELL,
        /** After the reference date. */
        IN_FUTURE,
        /** Younger than {@link #MIN_AGE_YEARS} on the reference date. */
        TOO_YOUNG,
        /** Older than {@link #MAX_AGE_YEARS} on the reference date. */
        TOO_OLD
    }

    private BirthDates() {
    }

    /**
     * What is wrong with a birth date on the reference date, if anything.
     *
     * @param birthDate the birth date, empty (or null) when missing
     * @param referenceDate the school software's "today"
     * @return the problem, {@link Problem#NONE} for a plausible date
     */
    public static Problem check(Optional<LocalDate> birthDate, LocalDate referenceDate) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        if (birthDate == null || birthDate.isEmpty()) {
            return Problem.MISSING;
        }
        LocalDate d = birthDate.get();
        if (EMPTY_CELL_DATES.contains(d)) {
            return Problem.EMPTY_CELL;
        }
        if (d.isAfter(referenceDate)) {
            return Problem.IN_FUTURE;
        }
        long age = ageOn(d, referenceDate);
        if (age < MIN_AGE_YEARS) {
            return Problem.TOO_YOUNG;
        }
        return age > MAX_AGE_YEARS ? Problem.TOO_OLD : Problem.NONE;
    }

    /**
     * The age in whole years on {@code referenceDate}, as people count it: one more on each birthday; someone
     * born on 29 February gets a year older on 1 March in common years. Negative for a birth date after the
     * reference date.
     *
     * @param birthDate the birth date
     * @param referenceDate the day the age is counted on
     * @return the age in whole years
     */
    public static long ageOn(LocalDate birthDate, LocalDate referenceDate) {
        return ChronoUnit.YEARS.between(birthDate, referenceDate);
    }
}
