package be.segec.extranet.core;

/**
 * A school (établissement) by its FASE number, the French-speaking community's establishment id.
 *
 * @param fase the FASE number, 1 to 99999
 */
public record SchoolId(int fase) implements Comparable<SchoolId> {

    public static final int MAX = 99_999;

    public SchoolId {
        if (fase < 1 || fase > MAX) {
            throw new IllegalArgumentException("A FASE number is 1 to 5 digits (1..99999), got " + fase);
        }
    }

    public static SchoolId of(int fase) {
        return new SchoolId(fase);
    }

    /** Parses "1234" (surrounding spaces allowed); the message says what was wrong. */
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
