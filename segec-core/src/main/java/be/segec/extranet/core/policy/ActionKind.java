package be.segec.extranet.core.policy;

/** The kind of an {@link AccountAction}, as programs see it in reports. */
public enum ActionKind {
    ENSURE,
    DEACTIVATE,
    REJECTED,
    IGNORED,
    UNCHANGED
}
