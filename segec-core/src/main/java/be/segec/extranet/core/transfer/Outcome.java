package be.segec.extranet.core.transfer;

/** What the extranet did with one record. */
public enum Outcome {
    /** New account created, invitation e-mail sent, access added. */
    INVITED,
    /** Known account: access in this school (and school year) added or confirmed; confirmation e-mail. */
    CONFIRMED,
    /** Known account: a deactivated access in this school made active again; confirmation e-mail. */
    REACTIVATED,
    /** Known account: e-mail or role changed; the new address is told. */
    UPDATED,
    /** Access in this school deactivated; the account and its other schools are untouched. */
    DEACTIVATED,
    /** Nothing to change: already so. */
    UNCHANGED,
    /** Refused: the e-mail already belongs to another person. Counts as a rejection. */
    CONFLICT
}
