package be.segec.extranet.testkit;

import java.util.Objects;

/**
 * An e-mail the fake extranet "sent" (it sends nothing: it keeps them in its outbox for tests).
 *
 * @param to        the address
 * @param kind      what the e-mail is about
 * @param accountId the account it is about
 */
public record OutboxMessage(String to, Kind kind, String accountId) {

    /** What an e-mail of the extranet is about. */
    public enum Kind {
        /** A new account: how to activate it. */
        INVITATION,
        /** An access added, reactivated or its role changed for a known account. */
        CONFIRMATION,
        /** The login e-mail changed: sent to the new address. */
        EMAIL_CHANGED,
        /**
         * A school corrected the person's names or birth date (domain rule 10): a short notice to
         * the account's address (the new one when it changed at the same time), never an invitation.
         */
        IDENTITY_CHANGED
    }

    /**
     * Checks and copies the components.
     *
     * @param to the address
     * @param kind what the e-mail is about
     * @param accountId the account it is about
     */
    public OutboxMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accountId, "accountId");
    }
}
