package be.segec.extranet.cli;

import be.segec.extranet.cli.internal.CsvDecoding;
import be.segec.extranet.cli.internal.CsvRows;
import be.segec.extranet.cli.internal.Lang;
import be.segec.extranet.core.StaffField;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.message.Echo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a school's staff list from a CSV export, as Belgian spreadsheets write it (see
 * docs/integration.md, "The CSV file"): a header row naming the columns in any order and any
 * case, {@code ,} or {@code ;} (detected), UTF-8 with or without BOM or another charset,
 * {@code yyyy-MM-dd} or {@code dd/MM/yyyy} dates, {@code 1/0 O/N oui/non yes/no true/false x/}
 * booleans, quoted values with separators and line breaks inside.
 *
 * <p>A structural problem (unreadable file or encoding, missing required column, unbalanced
 * quotes, a shifted row, too large a file) throws {@link CsvInputException}: nothing may be sent.
 * A bad value in one row (a date such as 31/02/1980, a boolean such as "peut-être") becomes a
 * {@link be.segec.extranet.core.FieldProblem} on that record, which the transfer then rejects
 * naming the field and the line; the other rows go on. Memory is bounded by the file size limit.
 * Immutable and thread-safe.
 */
public final class CsvStaffReader {

    /** The largest file read by default: 50 MB (a school has at most a few thousand staff). */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    /** The most data rows read by default. */
    public static final int DEFAULT_MAX_ROWS = 200_000;

    /** The columns a file must have, by header name. */
    public static final List<StaffField> REQUIRED = List.of(StaffField.LOCAL_ID, StaffField.LAST_NAME,
            StaffField.FIRST_NAME, StaffField.BIRTH_DATE, StaffField.EMAIL, StaffField.ADMINISTRATIVE_PRESENCE);
    /** The columns a file may have; when absent: teaching 1, promotion_function 0, physical_presence 1, exit_date empty. */
    public static final List<StaffField> OPTIONAL = List.of(StaffField.TEACHING, StaffField.PROMOTION_FUNCTION,
            StaffField.PHYSICAL_PRESENCE, StaffField.EXIT_DATE);

    private final Charset charset;
    private final Lang lang;
    private final long maxBytes;
    private final int maxRows;

    private CsvStaffReader(Builder b) {
        this.charset = b.charset;
        this.lang = Lang.of(b.locale);
        this.maxBytes = b.maxBytes;
        this.maxRows = b.maxRows;
    }

    /** {@return a reader of UTF-8 files (with or without BOM), messages in French} */
    public static CsvStaffReader utf8() {
        return builder().build();
    }

    /**
     * {@return a builder: UTF-8, French messages, {@link #DEFAULT_MAX_BYTES} and {@link #DEFAULT_MAX_ROWS} unless set}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the file.
     *
     * @throws CsvInputException when the file cannot be read as a whole
     * @param file the CSV file
     * @return one staff member per data row, in the file's order (a bad value is left to the policy to reject)
     */
    public List<StaffMember> read(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
                throw tooLarge(); // refused by its size, before reading a byte
            }
            bytes = in.readNBytes((int) maxBytes + 1);
        } catch (NoSuchFileException e) {
            throw unreadable(lang.t("Le fichier « " + file + " » n’existe pas.", "The file \"" + file + "\" does not exist."), e);
        } catch (AccessDeniedException e) {
            throw unreadable(lang.t("Le fichier « " + file + " » ne peut pas être lu (accès refusé).",
                    "The file \"" + file + "\" cannot be read (access denied)."), e);
        } catch (IOException e) {
            throw unreadable(lang.t("Le fichier « " + file + " » ne peut pas être lu.", "The file \"" + file + "\" cannot be read.")
                    + "\n" + lang.t("Détail technique : ", "Technical detail: ")
                    + Echo.value(String.valueOf(e.getMessage()), 300, lang.locale()), e);
        }
        return read(bytes);
    }

    /**
     * Reads the content of a file.
     *
     * @throws CsvInputException when the content cannot be read as a whole
     * @param content the file's bytes
     * @return one staff member per data row, in the file's order (a bad value is left to the policy to reject)
     */
    public List<StaffMember> read(byte[] content) {
        Objects.requireNonNull(content, "content");
        if (content.length > maxBytes) {
            throw tooLarge();
        }
        String text = CsvDecoding.decode(content, charset, lang);
        return new CsvRows(text, lang, maxRows).staff();
    }

    /** The charset the files are read in. */
    private CsvInputException tooLarge() {
        return new CsvInputException(CsvInputException.Problem.TOO_LARGE, lang.t(
                "Le fichier dépasse " + maxBytes / (1024 * 1024) + " Mo : ce n’est pas une liste du personnel d’une école.",
                "The file is over " + maxBytes / (1024 * 1024) + " MB: this is not one school's staff list."),
                OptionalInt.empty(), Optional.empty(), null);
    }

    /** {@return the charset files are read in} */
    public Charset charset() {
        return charset;
    }

    private CsvInputException unreadable(String message, Throwable cause) {
        return new CsvInputException(CsvInputException.Problem.UNREADABLE_FILE, message, OptionalInt.empty(),
                Optional.empty(), cause);
    }

    /** Configures a {@link CsvStaffReader}; {@code build()} copies. */
    public static final class Builder {
        private Charset charset = StandardCharsets.UTF_8;
        private Locale locale = Locale.FRENCH;
        private long maxBytes = DEFAULT_MAX_BYTES;
        private int maxRows = DEFAULT_MAX_ROWS;

        private Builder() {
        }

        /**
         * The file's charset; UTF-8 (BOM optional) by default, {@code windows-1252} for older Excel exports.
         *
         * @param v the file's charset
         * @return this builder
         */
        public Builder charset(Charset v) { this.charset = Objects.requireNonNull(v, "charset"); return this; }

        /**
         * The language of problem messages and line locations: French (default) or English.
         *
         * @param v the language, {@link Locale#FRENCH} or {@link Locale#ENGLISH}
         * @return this builder
         */
        public Builder locale(Locale v) { this.locale = Objects.requireNonNull(v, "locale"); return this; }

        /**
         * The largest file accepted, 1 byte to 1 GB; default {@link CsvStaffReader#DEFAULT_MAX_BYTES} (50 MB).
         *
         * @param v the largest file accepted, in bytes
         * @return this builder
         */
        public Builder maxBytes(long v) {
            if (v < 1 || v > 1024L * 1024 * 1024) {
                throw new IllegalArgumentException("maxBytes must be 1..1 GB, got " + v);
            }
            this.maxBytes = v;
            return this;
        }

        /**
         * The most data rows accepted, at least 1; default {@link CsvStaffReader#DEFAULT_MAX_ROWS} (200 000).
         *
         * @param v the most data rows accepted
         * @return this builder
         */
        public Builder maxRows(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("maxRows must be >= 1, got " + v);
            }
            this.maxRows = v;
            return this;
        }

        /** {@return the reader, immutable and usable from any thread} */
        public CsvStaffReader build() {
            return new CsvStaffReader(this);
        }
    }
}
