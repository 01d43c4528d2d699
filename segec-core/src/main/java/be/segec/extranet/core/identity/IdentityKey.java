package be.segec.extranet.core.identity;

import be.segec.extranet.core.internal.Digests;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The key that makes "one account per person": last name + first name + birth date, each name
 * folded by {@link NameNormalizer}. "D'Hondt Marie-Claire 1980-05-12" and
 * "DHONDT MARIE CLAIRE 1980-05-12" have the same key; two birth dates make two keys.
 *
 * <p>The value is {@code last|first|yyyy-MM-dd}. Folded names hold only letters and digits, so
 * the separators cannot be confused with a name: ("ab","c") and ("a","bc") differ.
 *
 * <p>A value class (equal keys have equal values) rather than a record: it keeps its digest once
 * computed, because a transfer needs it twice per person (to find the person in the journal,
 * then to acknowledge them), and a SHA-256 computed once is one fewer per record.
 */
public final class IdentityKey {

    private final String value;
    /** {@link #digest()}, once computed; a String is immutable, so a racy first computation is harmless. */
    private String digest;

    /**
     * @param value the key as text; use {@link #from} to build one from names
     * @throws IllegalArgumentException when {@code value} is not {@code last|first|date}
     */
    public IdentityKey(String value) {
        Objects.requireNonNull(value, "value");
        int first = value.indexOf('|');
        int second = first < 0 ? -1 : value.indexOf('|', first + 1);
        if (first <= 0 || second <= first + 1 || second != value.lastIndexOf('|') || second == value.length() - 1) {
            throw new IllegalArgumentException("Not an identity key: " + value);
        }
        this.value = value;
    }

    /** A key built here from parts already checked: its shape needs no second look. */
    private IdentityKey(String value, Void checked) {
        this.value = value;
    }

    /** {@return the key as text: {@code last|first|yyyy-MM-dd}} */
    public String value() {
        return value;
    }

    /**
     * The key of a person, or empty when a name part folds to nothing (the record is then invalid, not a
     * crash) or the birth date is absent.
     *
     * @param lastName last name as typed
     * @param firstName first name as typed
     * @param birthDate birth date; null when missing
     * @return the key, or empty
     */
    public static Optional<IdentityKey> from(String lastName, String firstName, LocalDate birthDate) {
        if (birthDate == null) {
            return Optional.empty();
        }
        // Both names are folded straight into the key's buffer, without a string per folded name:
        // a key is made for every record of every plan.
        StringBuilder sb = new StringBuilder(length(lastName) + length(firstName) + 12);
        if (NameNormalizer.appendNormalized(lastName, sb) == 0) {
            return Optional.empty();
        }
        sb.append('|');
        if (NameNormalizer.appendNormalized(firstName, sb) == 0) {
            return Optional.empty();
        }
        appendDate(sb.append('|'), birthDate);
        return Optional.of(new IdentityKey(sb.toString(), null));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /**
     * {@code last|first|yyyy-MM-dd}, the date as {@link LocalDate#toString()} writes it, built
     * in one buffer, without the date's own string and a concatenation (one key per record).
     */
    private static String join(String last, String first, LocalDate birthDate) {
        StringBuilder sb = new StringBuilder(last.length() + first.length() + 12).append(last).append('|').append(first);
        appendDate(sb.append('|'), birthDate);
        return sb.toString();
    }

    /** The date as {@link LocalDate#toString()} writes it; years 1000–9999 without its own builder. */
    private static void appendDate(StringBuilder sb, LocalDate birthDate) {
        int year = birthDate.getYear();
        if (year < 1000 || year > 9999) {
            sb.append(birthDate);
            return;
        }
        sb.append(year);
        appendTwoDigits(sb.append('-'), birthDate.getMonthValue());
        appendTwoDigits(sb.append('-'), birthDate.getDayOfMonth());
    }

    private static void appendTwoDigits(StringBuilder sb, int value) {
        sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /**
     * A SHA-256 digest of the key (hex), for stores that must recognise a person again without keeping their
     * name and birth date in clear. Names and birth dates are guessable, so this is pseudonymisation, not
     * anonymisation.
     *
     * @return 64 lower-case hex digits
     */
    public String digest() {
        String d = digest;
        if (d == null) {
            d = Digests.sha256Hex(value);
            digest = d;
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityKey && ((IdentityKey) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
