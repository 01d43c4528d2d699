package be.segec.extranet.core.consent;

import java.time.Instant;
import java.util.Objects;

/**
 * One school's consent decision as kept: who decided, when, and on exactly which disclosure text.
 *
 * @param decision          granted or refused
 * @param decidedBy         who decided (a name or login as the school software knows them)
 * @param decidedAt         when, from the injected clock
 * @param disclosureVersion {@link TransferDisclosure#version()} of the text shown
 * @param disclosureSha256  {@link TransferDisclosure#sha256()} of the text shown
 */
public record ConsentRecord(ConsentDecision decision, String decidedBy, Instant decidedAt,
                            String disclosureVersion, String disclosureSha256) {

    /** The longest "decided by" kept; longer values are refused rather than cut. */
    public static final int MAX_DECIDED_BY = 200;

    /**
     * Checks the components; "decided by" is kept stripped.
     *
     * @param decision granted or refused
     * @param decidedBy who decided (a name or login as the school software knows them)
     * @param decidedAt when, from the injected clock
     * @param disclosureVersion {@link TransferDisclosure#version()} of the text shown
     * @param disclosureSha256 {@link TransferDisclosure#sha256()} of the text shown
     * @throws IllegalArgumentException when "decided by" is empty, too long or holds a control character, or
     *     the disclosure's version or digest is not one
     */
    public ConsentRecord {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(disclosureVersion, "disclosureVersion");
        Objects.requireNonNull(disclosureSha256, "disclosureSha256");
        decidedBy = decidedBy.strip();
        if (decidedBy.isEmpty() || decidedBy.length() > MAX_DECIDED_BY
                || decidedBy.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("decidedBy must name who decided (1.." + MAX_DECIDED_BY
                    + " characters, no control character)");
        }
        if (disclosureVersion.isBlank()) {
            throw new IllegalArgumentException("disclosureVersion is blank");
        }
        if (!disclosureSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("disclosureSha256 is not a lower-case hex SHA-256: " + disclosureSha256);
        }
    }

    /**
     * Whether this decision was taken on exactly {@code disclosure}'s text.
     *
     * @param disclosure the text in force
     * @return true when version and digest match
     */
    public boolean isFor(TransferDisclosure disclosure) {
        return disclosureVersion.equals(disclosure.version()) && disclosureSha256.equals(disclosure.sha256());
    }
}
