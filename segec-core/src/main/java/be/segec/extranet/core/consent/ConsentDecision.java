package be.segec.extranet.core.consent;

/** What a school decided about the automatic transfer. */
public enum ConsentDecision {
    /** The school agreed: automatic transfers run. */
    GRANTED,
    /** The school refused: automatic transfers never run until a manual launch grants it. */
    REFUSED
}
