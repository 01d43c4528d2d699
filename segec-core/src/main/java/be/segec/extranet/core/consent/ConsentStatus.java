package be.segec.extranet.core.consent;

/** A school's consent as it counts now: a decision on an older disclosure text counts as undecided. */
public enum ConsentStatus {
    /** Granted for the current disclosure text. */
    GRANTED,
    /** Refused for the current disclosure text. */
    REFUSED,
    /** Nothing decided yet, or decided on another version of the disclosure text: ask again. */
    UNDECIDED
}
