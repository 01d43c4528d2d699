package be.segec.extranet.core.policy;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.identity.PersonIdentity;
import be.segec.extranet.core.internal.Digests;
import be.segec.extranet.core.message.Message;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the transfer does for one record of the school software (or one person who vanished
 * from it). Switch on it exhaustively: the compiler then tells when a kind is added.
 */
public sealed interface AccountAction
        permits AccountAction.Ensure, AccountAction.Deactivate, AccountAction.Rejected,
        AccountAction.Ignored, AccountAction.Unchanged {

    /** {@return the school software's key of the record ("" for none)} */
    String localId();

    /** {@return the last name as typed (or as last acknowledged, for a vanished person)} */
    String lastName();

    /** {@return the first name as typed (or as last acknowledged, for a vanished person)} */
    String firstName();

    /** {@return the person, when the record identifies one} */
    Optional<PersonIdentity> identity();

    /** {@return what the secretary should know about this record} */
    List<Message> messages();

    /** {@return the kind of this action, for counts and reports} */
    ActionKind kind();

    /** {@return whether this action goes on the wire} */
    default boolean isSent() {
        return this instanceof Ensure || this instanceof Deactivate;
    }

    /**
     * How messages name the record.
     *
     * @return "DUPONT Marie (id 42)"
     */
    default String displayName() {
        String name = (lastName().strip() + " " + firstName().strip()).strip();
        return localId().isEmpty() ? name : name + " (id " + localId() + ")";
    }

    /**
     * Ensure the person has an account and an active access in this school this school year.
     * {@code correction} is present when the record's identity was corrected since the extranet
     * acknowledged its local id under another identity (domain rule 10): the ENSURE then names
     * that account, which the extranet updates instead of making a second one.
     */
    record Ensure(String localId, PersonIdentity person, String email, Role role, List<Message> messages,
                  Optional<IdentityCorrection> correction) implements AccountAction {
        /**
         * Checks that no component is null and copies the messages.
         *
         * @param localId the school software's key of the record
         * @param person the person
         * @param email the e-mail address sent, the person's login
         * @param role the role in the school
         * @param messages what the secretary should know about this record
         * @param correction present when the extranet knows the person under a former identity
         * @throws NullPointerException when a component is null
         */
        public Ensure {
            Objects.requireNonNull(localId, "localId");
            Objects.requireNonNull(person, "identity");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(role, "role");
            messages = List.copyOf(messages);
            Objects.requireNonNull(correction, "correction");
        }

        /**
         * An ENSURE of a person whose identity is the one the extranet knows (or a new person).
         *
         * @param localId the school software's key of the record
         * @param person the person
         * @param email the e-mail address sent, the person's login
         * @param role the role in the school
         * @param messages what the secretary should know about this record
         */
        public Ensure(String localId, PersonIdentity person, String email, Role role, List<Message> messages) {
            this(localId, person, email, role, messages, Optional.empty());
        }

        /**
         * This ENSURE as the correction of the identity the extranet acknowledged for its local id.
         *
         * @param c the correction
         * @return the corrected ENSURE
         */
        public Ensure corrected(IdentityCorrection c) {
            return new Ensure(localId, person, email, role, messages, Optional.of(c));
        }

        @Override public String lastName() { return person.lastName(); }
        @Override public String firstName() { return person.firstName(); }
        @Override public Optional<PersonIdentity> identity() { return Optional.of(person); }
        @Override public ActionKind kind() { return ActionKind.ENSURE; }

        /**
         * A digest of everything this action sends, to tell later whether it changed.
         *
         * @return the fingerprint, hex
         */
        public String fingerprint() {
            return Digests.fingerprintHex(fingerprintDigest());
        }

        /** The digest {@link #fingerprint()} is the first half of, in hex; for comparisons without the string. */
        byte[] fingerprintDigest() {
            return Digests.fingerprintDigest("E", person.lastName(), person.firstName(), email, role.name());
        }
    }

    /**
     * Deactivate the person's access in this school (their account lives on). {@code identity}
     * is empty for a person who vanished from the school software: the extranet's account id
     * from the last acknowledgement designates them instead. {@code correction} is present when
     * the person's identity changed since that acknowledgement: the extranet knows them under
     * the previous one, so the account id designates them too.
     */
    record Deactivate(String localId, String lastName, String firstName, Optional<PersonIdentity> identity,
                      Optional<String> accountId, Reason reason, List<Message> messages,
                      Optional<IdentityCorrection> correction) implements AccountAction {
        /** Why the access ends. */
        public enum Reason {
            /** Administrative presence unchecked. */
            LEFT,
            /** Sent before, absent from the school software now. */
            VANISHED,
            /** Still in the software but without a teaching or promotion function. */
            NO_LONGER_IN_SCOPE
        }

        /**
         * Checks the components: a deactivation designates the person by identity or account id, and a
         * corrected one by the correction's account id.
         *
         * @param localId the school software's key ("" for none)
         * @param lastName last name as typed or as last acknowledged
         * @param firstName first name as typed or as last acknowledged
         * @param identity the person, empty for a vanished one
         * @param accountId the extranet's account id, when known
         * @param reason why the access ends
         * @param messages what the secretary should know
         * @param correction present when the person's identity changed since the last acknowledgement
         * @throws IllegalArgumentException when the person cannot be designated
         */
        public Deactivate {
            Objects.requireNonNull(localId, "localId");
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(reason, "reason");
            messages = List.copyOf(messages);
            Objects.requireNonNull(correction, "correction");
            if (identity.isEmpty() && accountId.isEmpty()) {
                throw new IllegalArgumentException("A deactivation needs the identity or the account id");
            }
            if (correction.isPresent() && !accountId.equals(correction.map(IdentityCorrection::accountId))) {
                throw new IllegalArgumentException("A corrected person is deactivated by the account id of the correction");
            }
        }

        /**
         * A deactivation of a person the extranet knows under the identity given (or by account id only).
         *
         * @param localId the school software's key ("" for none)
         * @param lastName last name as typed or as last acknowledged
         * @param firstName first name as typed or as last acknowledged
         * @param identity the person, empty for a vanished one
         * @param accountId the extranet's account id, when known
         * @param reason why the access ends
         * @param messages what the secretary should know
         */
        public Deactivate(String localId, String lastName, String firstName, Optional<PersonIdentity> identity,
                          Optional<String> accountId, Reason reason, List<Message> messages) {
            this(localId, lastName, firstName, identity, accountId, reason, messages, Optional.empty());
        }

        /** {@return whether the extranet is asked by account id alone (a vanished or corrected person)} */
        public boolean byAccountId() {
            return identity.isEmpty() || correction.isPresent();
        }

        @Override public ActionKind kind() { return ActionKind.DEACTIVATE; }

        /**
         * The same digest for every deactivation: what matters is that the access is off.
         *
         * @return the fingerprint, hex
         */
        public String fingerprint() {
            return Digests.fingerprint("D");
        }
    }

    /** Not sent: something must be fixed in the school software (the messages say what). */
    record Rejected(String localId, String lastName, String firstName, Optional<PersonIdentity> identity,
                    List<Message> messages) implements AccountAction {
        /**
         * Checks that no component is null and that the rejection says why.
         *
         * @param localId the school software's key ("" for none)
         * @param lastName last name as typed
         * @param firstName first name as typed
         * @param identity the person, when the record identifies one
         * @param messages what must be fixed, at least one
         * @throws IllegalArgumentException when there is no message
         */
        public Rejected {
            Objects.requireNonNull(localId, "localId");
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(identity, "identity");
            messages = List.copyOf(messages);
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("A rejection says why");
            }
        }

        @Override public ActionKind kind() { return ActionKind.REJECTED; }
    }

    /**
     * Not sent, on purpose: out of scope, history, or a duplicate of a record that is sent.
     *
     * @param localId   the school software's key of the record ("" for none)
     * @param lastName  last name as typed
     * @param firstName first name as typed
     * @param identity  the person, when the record identifies one
     * @param reason    why the record is not sent
     * @param messages  what the secretary should know about this record
     */
    record Ignored(String localId, String lastName, String firstName, Optional<PersonIdentity> identity,
                   Reason reason, List<Message> messages) implements AccountAction {
        /** Why a record is not sent. */
        public enum Reason {
            /** Neither a teaching nor a promotion function: outside the transfer's scope. */
            NOT_IN_SCOPE,
            /** Left (« date de sortie ») before the school year began. */
            LEFT_BEFORE_SCHOOL_YEAR,
            /** Another record of the same person is sent instead. */
            DUPLICATE;

            /**
             * Whether the record is outside the transfer's scope, so that an access the
             * extranet acknowledged for it must end.
             *
             * @return true for {@link #NOT_IN_SCOPE} and {@link #LEFT_BEFORE_SCHOOL_YEAR}
             */
            public boolean outOfScope() {
                return this != DUPLICATE;
            }
        }

        /**
         * Checks that no component is null and copies the messages.
         *
         * @param localId the school software's key of the record ("" for none)
         * @param lastName last name as typed
         * @param firstName first name as typed
         * @param identity the person, when the record identifies one
         * @param reason why the record is not sent
         * @param messages what the secretary should know about this record
         * @throws NullPointerException when a component is null
         */
        public Ignored {
            Objects.requireNonNull(localId, "localId");
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(reason, "reason");
            messages = List.copyOf(messages);
        }

        @Override public ActionKind kind() { return ActionKind.IGNORED; }
    }

    /**
     * Not sent: the extranet already acknowledged exactly this (same role, same e-mail and
     * names, same activity, this school year).
     *
     * @param role   the role of the active access; empty when the access is inactive
     * @param active whether the acknowledged access is active
     */
    record Unchanged(String localId, PersonIdentity person, Optional<Role> role, boolean active,
                     List<Message> messages) implements AccountAction {
        /**
         * Checks that no component is null and copies the messages.
         *
         * @param localId the school software's key of the record
         * @param person the person
         * @param role the role of the active access; empty when the access is inactive
         * @param active whether the acknowledged access is active
         * @param messages what the secretary should know about this record
         * @throws NullPointerException when a component is null
         */
        public Unchanged {
            Objects.requireNonNull(localId, "localId");
            Objects.requireNonNull(person, "identity");
            Objects.requireNonNull(role, "role");
            messages = List.copyOf(messages);
        }

        @Override public String lastName() { return person.lastName(); }
        @Override public String firstName() { return person.firstName(); }
        @Override public Optional<PersonIdentity> identity() { return Optional.of(person); }
        @Override public ActionKind kind() { return ActionKind.UNCHANGED; }
    }
}
