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
    /** The record has no e-mail address; rejected. */
    EMAIL_MISSING(Level.ERROR, StaffField.EMAIL),
    /** The e-mail address is not valid; rejected. */
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
    /** The e-mail address is also another person's (a shared mailbox); rejected. */
    EMAIL_SHARED(Level.ERROR, StaffField.EMAIL),
    /** The last or first name is empty; rejected. */
    NAME_MISSING(Level.ERROR, null),
    /** The last or first name is unusable (no letter, too long, an invisible character); rejected. */
    NAME_INVALID(Level.ERROR, null),
    /** The record has no birth date; rejected. */
    BIRTH_DATE_MISSING(Level.ERROR, StaffField.BIRTH_DATE),
    /** The birth date is in the future or not plausible; rejected. */
    BIRTH_DATE_INVALID(Level.ERROR, StaffField.BIRTH_DATE),
    /** The exit date is unreadable; rejected. */
    EXIT_DATE_INVALID(Level.ERROR, StaffField.EXIT_DATE),
    /** A value of the export could not be read; rejected. */
    FIELD_UNREADABLE(Level.ERROR, null),
    /** The record has no id in the school software; rejected. */
    LOCAL_ID_MISSING(Level.ERROR, StaffField.LOCAL_ID),
    /** Several different records carry the same id; rejected. */
    LOCAL_ID_DUPLICATE(Level.ERROR, StaffField.LOCAL_ID),
    /** The extranet refused the record: its e-mail address belongs to another person. */
    EXTRANET_CONFLICT(Level.ERROR, StaffField.EMAIL),
    /** The extranet refused the record for a reason it names (its code). */
    EXTRANET_REJECTED(Level.ERROR, null),
    // Identity over time (domain rule 10).
    /** The record's corrected identity is another record's; rejected. */
    IDENTITY_COLLISION(Level.ERROR, StaffField.LAST_NAME),
    /** The extranet refused an identity correction: the new identity is another account's. */
    IDENTITY_TAKEN(Level.ERROR, StaffField.LAST_NAME),
    /** The extranet refused an identity correction: the account has no access in this school. */
    ACCOUNT_NOT_IN_SCHOOL(Level.ERROR, StaffField.LAST_NAME),
    /** The extranet knows the person under an identity corrected since (an alias): check it. */
    FORMER_IDENTITY(Level.WARNING, StaffField.LAST_NAME),
    /** The extranet updated the account's identity to the record's (a correction). */
    IDENTITY_UPDATED(Level.INFO, StaffField.LAST_NAME),

    // Sent or decided, but worth a look.
    /** The same person has two records; only one is sent. */
    DUPLICATE_RECORD(Level.WARNING, null),
    /** Administrative presence unchecked without an exit date; the access is deactivated. */
    EXIT_DATE_MISSING(Level.WARNING, StaffField.EXIT_DATE),
    /** The exit date is past but the administrative presence is still checked. */
    STILL_PRESENT_AFTER_EXIT(Level.WARNING, StaffField.ADMINISTRATIVE_PRESENCE),
    /** A director on mission leave (physical presence unchecked): a teacher access only. */
    DIRECTOR_ON_LEAVE(Level.WARNING, StaffField.PHYSICAL_PRESENCE),
    /** Several directors in the school (about the whole school). */
    SEVERAL_DIRECTORS(Level.WARNING, StaffField.ADMINISTRATIVE_PRESENCE),
    /** Sent before, no longer in the school software; the access is deactivated. */
    VANISHED(Level.WARNING, null),
    /** No longer holds a teaching or promotion function; the access is deactivated. */
    NO_LONGER_IN_SCOPE(Level.WARNING, StaffField.TEACHING),
    /** The guard stopped the run: it would deactivate too many accesses; nothing sent. */
    MASS_DEACTIVATION(Level.ERROR, StaffField.ADMINISTRATIVE_PRESENCE),
    /** The school confirmed a deactivation the guard would have stopped. */
    MASS_DEACTIVATION_CONFIRMED(Level.WARNING, null),

    // For the record.
    /** No teaching or promotion function: not concerned, not sent. */
    NOT_IN_SCOPE(Level.INFO, StaffField.TEACHING),
    /** Left before the school year began: not concerned, not sent. */
    LEFT_BEFORE_SCHOOL_YEAR(Level.INFO, StaffField.EXIT_DATE),
    /** Administrative presence unchecked: the access in the school is deactivated. */
    LEAVING(Level.INFO, StaffField.ADMINISTRATIVE_PRESENCE),
    /** The first run of a school year: every active access is confirmed again. */
    NEW_SCHOOL_YEAR(Level.INFO, null),

    // About the run as a whole.
    /** The school has not agreed to the transfer yet; nothing is sent. */
    CONSENT_PENDING(Level.WARNING, null),
    /** The school refused the transfer; nothing is sent. */
    CONSENT_REFUSED(Level.ERROR, null),
    /** The school gave its consent during this run (who, when, which text). */
    CONSENT_GRANTED(Level.INFO, null),
    /** The run did not complete; the variant names the failure. Nothing is lost. */
    TRANSFER_FAILED(Level.ERROR, null),
    /** Another run holds the school's lock. */
    ALREADY_RUNNING(Level.ERROR, null),
    /** A dry run: nothing was sent or recorded. */
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

    /**
     * How serious a message of this code is.
     *
     * @return the level
     */
    public Level level() {
        return level;
    }

    /**
     * The field this code is usually about; a message may name a more precise one.
     *
     * @return the field, empty for a message about the whole school or run
     */
    public Optional<StaffField> field() {
        return Optional.ofNullable(field);
    }
}
