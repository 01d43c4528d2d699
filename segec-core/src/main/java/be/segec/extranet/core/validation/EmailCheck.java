package be.segec.extranet.core.validation;

import java.util.Objects;
import java.util.Optional;

/**
 * What the e-mail rule ({@link EmailAddresses#check}) says about one address: the verdict, the
 * address as it is sent when it can be sent, and a correction to suggest when the address looks
 * mistyped.
 *
 * @param verdict    the verdict
 * @param address    the normalised address (trimmed, domain in lower-case ASCII/IDNA form),
 *                   present exactly when the verdict is {@link Verdict#sendable() sendable}
 * @param suggestion the whole address as it was probably meant ("marie@gmail.com" for
 *                   "marie@gmial.com"), always present for {@link Verdict#SUSPICIOUS}, sometimes
 *                   for {@link Verdict#UNKNOWN_TOP_LEVEL_DOMAIN}, never otherwise
 */
public record EmailCheck(Verdict verdict, Optional<String> address, Optional<String> suggestion) {

    /** The e-mail rule's verdict on an address. */
    public enum Verdict {
        /** A deliverable address. */
        VALID,
        /** Deliverable, but a near miss of a common provider's domain ("gmial.com"): sent, with a warning. */
        SUSPICIOUS,
        /** Not an address a mail server routes (no @, spaces, no dot in the domain...). */
        MALFORMED,
        /** A letter outside ASCII before the @ ("josé@..."): valid in theory, delivered by too few servers. */
        LOCAL_PART_NOT_SUPPORTED,
        /** Well formed, but its top-level domain ("con" in "gmail.con") does not exist. */
        UNKNOWN_TOP_LEVEL_DOMAIN;

        /** {@return whether an address with this verdict is sent} */
        public boolean sendable() {
            return this == VALID || this == SUSPICIOUS;
        }
    }

    /**
     * Checks that no component is null and that the address is present exactly when the verdict is sendable.
     *
     * @param verdict the verdict
     * @param address the normalised address (trimmed, domain in lower-case ASCII/IDNA form), present exactly
     *     when the verdict is {@link Verdict#sendable() sendable}
     * @param suggestion the whole address as it was probably meant ("marie@gmail.com" for "marie@gmial.com"),
     *     always present for {@link Verdict#SUSPICIOUS}, sometimes for {@link
     * Verdict#UNKNOWN_TOP_LEVEL_DOMAIN},
     *     never otherwise
     * @throws IllegalArgumentException when the components contradict each other
     */
    public EmailCheck {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(suggestion, "suggestion");
        if (address.isPresent() != verdict.sendable()) {
            throw new IllegalArgumentException("An address is present exactly when it is sent: " + verdict);
        }
        if (verdict == Verdict.SUSPICIOUS && suggestion.isEmpty()
                || verdict != Verdict.SUSPICIOUS && verdict != Verdict.UNKNOWN_TOP_LEVEL_DOMAIN && suggestion.isPresent()) {
            throw new IllegalArgumentException("A suggestion goes with a suspicious address or an unknown top-level domain only");
        }
    }

    static EmailCheck valid(String address) {
        return new EmailCheck(Verdict.VALID, Optional.of(address), Optional.empty());
    }

    static EmailCheck refused(Verdict verdict) {
        return new EmailCheck(verdict, Optional.empty(), Optional.empty());
    }
}
