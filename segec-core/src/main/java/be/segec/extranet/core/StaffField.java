package be.segec.extranet.core;

/**
 * A field of a staff member's record in the school software, named so that messages can point
 * the secretary at the box to fix.
 */
public enum StaffField {
    /** The school software's key of the record. */
    LOCAL_ID("local_id"),
    /** The last name. */
    LAST_NAME("last_name"),
    /** The first name. */
    FIRST_NAME("first_name"),
    /** The birth date. */
    BIRTH_DATE("birth_date"),
    /** The e-mail address. */
    EMAIL("email"),
    /** Holds a teaching function this school year. */
    TEACHING("teaching"),
    /** « Fonction de promotion » (thème 2). */
    PROMOTION_FUNCTION("promotion_function"),
    /** « Présence administrative ». */
    ADMINISTRATIVE_PRESENCE("administrative_presence"),
    /** « Présence physique » (unchecked on mission leave). */
    PHYSICAL_PRESENCE("physical_presence"),
    /** « Date de sortie ». */
    EXIT_DATE("exit_date");

    private final String columnName;

    StaffField(String columnName) {
        this.columnName = columnName;
    }

    /** {@return the column name used by the CSV format and in messages for programs} */
    public String columnName() {
        return columnName;
    }
}
