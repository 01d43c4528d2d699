package be.segec.extranet.core.policy;

/** The kind of an {@link AccountAction}, as programs see it in reports. */
public enum ActionKind {
    /** Create or confirm the person's access in the school. */
    ENSURE,
    /** Deactivate the person's access in the school. */
    DEACTIVATE,
    /** Not sent: something must be fixed in the school software. */
    REJECTED,
    /** Not sent, on purpose (out of scope, left, a duplicate). */
    IGNORED,
    /** Not sent: the extranet already acknowledged exactly this. */
    UNCHANGED
}
