package be.segec.extranet.core;

/**
 * A field of a staff member's record in the school software, named so that messages can point
 * the secretary at the box to fix.
 */
public enum StaffField {
    LOCAL_ID("local_id"),
    LAST_NAME("last_name"),
    FIRST_NAME("first_name"),
    BIRTH_DATE("birth_date"),
    EMAIL("email"),
    TEACHING("teaching"),
    PROMOTION_FUNCTION("promotion_function"),
    ADMINISTRATIVE_PRESENCE("administrative_presence"),
    PHYSICAL_PRESENCE("physical_presence"),
    EXIT_DATE("exit_date");

    private final String columnName;

    StaffField(String columnName) {
        this.columnName = columnName;
    }

    /** The column name used by the CSV format and in messages for programs. */
    public String columnName() {
        return columnName;
    }
}
