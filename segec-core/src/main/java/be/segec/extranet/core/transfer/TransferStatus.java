package be.segec.extranet.core.transfer;

/** How a transfer ended, as programs see it in the report. */
public enum TransferStatus {
    /** Everything planned was sent and acknowledged. */
    COMPLETED,
    /** Sent and acknowledged, but some records were rejected (by the policy or as CONFLICT by the extranet). */
    COMPLETED_WITH_REJECTIONS,
    /** Nothing read or sent: the school's consent is pending or refused. */
    CONSENT_REQUIRED,
    /** The extranet could not be reached or refused a request; what was acknowledged is kept, the rest is sent next time. */
    FAILED,
    /** The mass-deactivation guard stopped the run before anything was sent. */
    STOPPED_BY_GUARD,
    /** A simulation: the full plan, nothing sent, nothing recorded. */
    DRY_RUN,
    /**
     * The extranet refused the school's credentials (the token or the school number is wrong), or
     * the token cannot be sent: nothing was taken, and retrying will not help until it is fixed.
     */
    REFUSED
}
