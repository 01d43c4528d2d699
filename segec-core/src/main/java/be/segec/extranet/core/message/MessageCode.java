package be.segec.extranet.core.message;

import be.segec.extranet.core.StaffField;
import java.util.Optional;

/**
 * The stable code of every message a transfer reports. Programs branch on the code (it never
 * changes meaning); people read {@link Message#text}. The field, when there is one, is the box
 * to fix in the school software.
 */
public enum MessageCode {
    // Record rejected: not sent.
    EMAIL_MISSING(Level.ERROR, StaffField.EMAIL),
    EMAIL_INVALID(Level.ERROR, StaffField.EMAIL),
    // Rule 3, tightened (issue 16). A program that only knows the older codes can read
    // BIRTH_DATE_EMPTY_CELL as BIRTH_DATE_MISSING and the EMAIL_ errors as EMAIL_INVALID.
    /** An e-mail with a letter outside ASCII before the @ ("josé@..."): valid in theory, not supported. */
    EMAIL_NOT_SUPPORTED(Level.ERROR, StaffField.EMAIL),
    /** An e-mail whose top-level domain does not exist ("gmail.con"), with a correction when one is likely. */
    EMAIL_TLD_UNKNOWN(Level.ERROR, StaffField.EMAIL),
    /** An e-mail sent, but whose domain is one slip away from a common provider's ("gmial.com"). */
    EMAIL_SUSPICIOUS(Level.WARNING, StaffField.EMAIL),
    /** A birth date of 30/12/1899, 31/12/1899 or 01/01/1900: a spreadsheet's empty date cell, so a missing birth date. */
    BIRTH_DATE_EMPTY_CELL(Level.ERROR, StaffField.BIRTH_DATE),
    EMAIL_SHARED(Level.ERROR, StaffField.EMAIL),
    NAME_MISSING(Level.ERROR, null),
    NAME_INVALID(Level.ERROR, null),
    BIRTH_DATE_MISSING(Level.ERROR, StaffField.BIRTH_DATE),
    BIRTH_DATE_INVALID(Level.ERROR, StaffField.BIRTH_DATE),
    EXIT_DATE_INVALID(Level.ERROR, StaffField.EXIT_DATE),
    FIELD_UNREADABLE(Level.ERROR, null),
    LOCAL_ID_MISSING(Level.ERROR, StaffField.LOCAL_ID),
    LOCAL_ID_DUPLICATE(Level.ERROR, StaffField.LOCAL_ID),
    EXTRANET_CONFLICT(Level.ERROR, StaffField.EMAIL),
    EXTRANET_REJECTED(Level.ERROR, null),
    // Identity over time (domain rule 10).
    IDENTITY_COLLISION(Level.ERROR, StaffField.LAST_NAME),
    IDENTITY_TAKEN(Level.ERROR, StaffField.LAST_NAME),
    ACCOUNT_NOT_IN_SCHOOL(Level.ERROR, StaffField.LAST_NAME),
    FORMER_IDENTITY(Level.WARNING, StaffField.LAST_NAME),
    IDENTITY_UPDATED(Level.INFO, StaffField.LAST_NAME),

    // Sent or decided, but worth a look.
    DUPLICATE_RECORD(Level.WARNING, null),
    EXIT_DATE_MISSING(Level.WARNING, StaffField.EXIT_DATE),
    STILL_PRESENT_AFTER_EXIT(Level.WARNING, StaffField.ADMINISTRATIVE_PRESENCE),
    DIRECTOR_ON_LEAVE(Level.WARNING, StaffField.PHYSICAL_PRESENCE),
    SEVERAL_DIRECTORS(Level.WARNING, StaffField.ADMINISTRATIVE_PRESENCE),
    VANISHED(Level.WARNING, null),
    NO_LONGER_IN_SCOPE(Level.WARNING, StaffField.TEACHING),
    MASS_DEACTIVATION(Level.ERROR, StaffField.ADMINISTRATIVE_PRESENCE),
    MASS_DEACTIVATION_CONFIRMED(Level.WARNING, null),

    // For the record.
    NOT_IN_SCOPE(Level.INFO, StaffField.TEACHING),
    LEFT_BEFORE_SCHOOL_YEAR(Level.INFO, StaffField.EXIT_DATE),
    LEAVING(Level.INFO, StaffField.ADMINISTRATIVE_PRESENCE),
    NEW_SCHOOL_YEAR(Level.INFO, null),

    // About the run as a whole.
    CONSENT_PENDING(Level.WARNING, null),
    CONSENT_REFUSED(Level.ERROR, null),
    CONSENT_GRANTED(Level.INFO, null),
    TRANSFER_FAILED(Level.ERROR, null),
    ALREADY_RUNNING(Level.ERROR, null),
    DRY_RUN(Level.INFO, null),

    // Issue 17: refusals that retrying cannot fix, state files, dry runs that record nothing.
    /** The extranet refused the school's credentials (401/403, or a token that cannot be sent): status REFUSED. */
    TRANSFER_REFUSED(Level.ERROR, null),
    /** A state file (consent, journal, lock) cannot be read or written; the variant names the problem. */
    STATE_FILE_PROBLEM(Level.ERROR, null),
    /** A dry run carried a ticked consent box: the run is simulated as consented, nothing is recorded. */
    CONSENT_NOT_RECORDED(Level.INFO, null),

    // Issue 19: state kept elsewhere than in files (a database).
    /** The state store (a database) cannot be reached, read or written; the variant names the problem. */
    STATE_STORE_PROBLEM(Level.ERROR, null);

    private final Level level;
    private final StaffField field;

    MessageCode(Level level, StaffField field) {
        this.level = level;
        this.field = field;
    }

    public Level level() {
        return level;
    }

    /** The field this code is usually about; a message may name a more precise one. */
    public Optional<StaffField> field() {
        return Optional.ofNullable(field);
    }
}
