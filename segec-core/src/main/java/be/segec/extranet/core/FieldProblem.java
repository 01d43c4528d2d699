package be.segec.extranet.core;

import java.util.Objects;

/**
 * A value the school software export could not turn into a field (a date such as 31/02/1980,
 * a boolean such as "peut-être"); the record carrying it is rejected, naming the field.
 *
 * @param field    the field that could not be read
 * @param rawValue the text as found in the source (shortened for display)
 * @param location where it was found, e.g. "line 12"; empty when unknown
 */
public record FieldProblem(StaffField field, String rawValue, String location) {

    private static final int MAX_RAW = 60;

    /**
     * Shortens the raw value and turns a missing value or location into "".
     *
     * @param field the field that could not be read
     * @param rawValue the text as found in the source
     * @param location where it was found; null when unknown
     */
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        rawValue = rawValue == null ? "" : shorten(rawValue);
        location = location == null ? "" : location;
    }

    private static String shorten(String raw) {
        return raw.length() <= MAX_RAW ? raw : raw.substring(0, MAX_RAW) + "…";
    }
}
