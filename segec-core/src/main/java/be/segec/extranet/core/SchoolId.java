package be.segec.extranet.core;

/**
 * A school (établissement) by its FASE number, the French-speaking community's establishment id.
 *
 * @param fase the FASE number, 1 to 99999
 */
public record SchoolId(int fase) implements Comparable<SchoolId> {

    /** The largest FASE number. */
    public static final int MAX = 99_999;

    /**
     * Checks the range.
     *
     * @param fase the FASE number, 1 to 99999
     * @throws IllegalArgumentException when out of range
     */
    public SchoolId {
        if (fase < 1 || fase > MAX) {
            throw new IllegalArgumentException("A FASE number is 1 to 5 digits (1..99999), got " + fase);
        }
    }

    /**
     * The school of a FASE number.
     *
     * @param fase the FASE number, 1 to 99999
     * @return the school
     * @throws IllegalArgumentException when out of range
     */
    public static SchoolId of(int fase) {
        return new SchoolId(fase);
    }

    /**
     * Parses "1234" (surrounding spaces allowed); the message says what was wrong.
     *
     * @param text the FASE number as typed
     * @return the school
     * @throws IllegalArgumentException when the text is not a FASE number
     */
    public static SchoolId parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > 5 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("A FASE number is 1 to 5 digits, got '" + text + "'");
        }
        return new SchoolId(Integer.parseInt(t));
    }

    @Override
    public int compareTo(SchoolId o) {
        return Integer.compare(fase, o.fase);
    }

    @Override
    public String toString() {
        return Integer.toString(fase);
    }
}
