package be.segec.extranet.core;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * A school year such as 2026-2027; accesses on the extranet are granted per school year.
 *
 * @param startYear the calendar year in which the school year starts (2026 for 2026-2027)
 */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    /** The default first day of a school year in the French-speaking community. */
    public static final MonthDay DEFAULT_ROLLOVER = MonthDay.of(9, 1);

    /**
     * Checks the range.
     *
     * @param startYear the calendar year in which the school year starts, 1900..9998
     * @throws IllegalArgumentException when out of range
     */
    public SchoolYear {
        if (startYear < 1900 || startYear > 9998) {
            throw new IllegalArgumentException("School year start out of range: " + startYear);
        }
    }

    /**
     * The school year that {@code date} falls in, the year starting on the default rollover day.
     *
     * @param date a day
     * @return its school year
     */
    public static SchoolYear of(LocalDate date) {
        return of(date, DEFAULT_ROLLOVER);
    }

    /**
     * The school year that {@code date} falls in, a year starting on {@code rollover}.
     *
     * @param date a day
     * @param rollover the first day of a school year
     * @return its school year
     */
    public static SchoolYear of(LocalDate date, MonthDay rollover) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(rollover, "rollover");
        int y = date.getYear();
        return MonthDay.from(date).isBefore(rollover) ? new SchoolYear(y - 1) : new SchoolYear(y);
    }

    /**
     * Parses "2026-2027"; the second year must follow the first.
     *
     * @param text the school year as written
     * @return the school year
     * @throws IllegalArgumentException when the text is not a school year
     */
    public static SchoolYear parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.length() == 9 && t.charAt(4) == '-') {
            try {
                int a = Integer.parseInt(t.substring(0, 4));
                int b = Integer.parseInt(t.substring(5));
                if (b == a + 1) {
                    return new SchoolYear(a);
                }
            } catch (NumberFormatException ignored) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("A school year is written like 2026-2027, got '" + text + "'");
    }

    /**
     * The first day of this school year for the given rollover day.
     *
     * @param rollover the first day of a school year
     * @return that day in this school year's start year
     */
    public LocalDate firstDay(MonthDay rollover) {
        return rollover.atYear(startYear);
    }

    /** {@return the school year after this one} */
    public SchoolYear next() {
        return new SchoolYear(startYear + 1);
    }

    @Override
    public int compareTo(SchoolYear o) {
        return Integer.compare(startYear, o.startYear);
    }

    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1);
    }
}
