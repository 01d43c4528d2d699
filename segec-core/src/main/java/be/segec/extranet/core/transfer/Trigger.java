package be.segec.extranet.core.transfer;

/** Who launched a transfer: a person (who may grant consent) or the scheduler (which never prompts). */
public enum Trigger {
    /** Launched by a person from the school software or the command line. */
    MANUAL,
    /** Launched by the scheduler; runs only with consent granted. */
    AUTOMATIC
}
