package be.segec.extranet.core.transfer;

import java.util.Optional;

/**
 * The extranet's stable code on one record's answer ({@link RecordResult#code()}), read once
 * into a typed value: the engine decides on it, nothing scans the code's text later. Each
 * constant but {@link #NONE} and {@link #OTHER} is named as the code it reads (docs/protocol.md).
 */
public enum ResultNotice {
    /** No code: the outcome says it all. */
    NONE,
    /** CONFLICT: the e-mail already belongs to another person. */
    EMAIL_TAKEN,
    /** CONFLICT: the corrected identity is already another account's; nothing changed (domain rule 10). */
    IDENTITY_TAKEN,
    /** CONFLICT: the account named by a correction has never had an access in this school. */
    ACCOUNT_NOT_IN_SCHOOL,
    /** The account's identity was updated to the record's (a correction). */
    IDENTITY_UPDATED,
    /** The record reached an account that knows its identity as a former one (an alias): check it. */
    FORMER_IDENTITY,
    /** A code this version does not know (later versions of the extranet may add some). */
    OTHER;

    /**
     * The notice of a result's code; an unknown code is {@link #OTHER}.
     *
     * @param code the code the extranet sent, if any
     * @return the notice
     */
    public static ResultNotice of(Optional<String> code) {
        if (code.isEmpty()) {
            return NONE;
        }
        for (ResultNotice n : values()) {
            if (n != NONE && n != OTHER && n.name().equals(code.get())) {
                return n;
            }
        }
        return OTHER;
    }
}
