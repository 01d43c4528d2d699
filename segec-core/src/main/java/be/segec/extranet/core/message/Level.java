package be.segec.extranet.core.message;

/** How much a message matters to the person reading the report. */
public enum Level {
    /** The record was not sent (or the run did not happen): something must be fixed. */
    ERROR,
    /** Sent, but probably not what the school meant: check the record. */
    WARNING,
    /** For the record; nothing to do. */
    INFO
}
