package be.segec.extranet.core.message;

import be.segec.extranet.core.StaffField;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * One message of a transfer: a stable {@link MessageCode}, the person it is about, the field to
 * fix, and arguments; its text is rendered in French (the default) or English on demand.
 *
 * @param code    the stable code
 * @param subject the person the message is about ("DUPONT Marie (id 42)"), empty for the run
 * @param field   the field to fix in the school software, when there is one
 * @param args    further values the text names (other local ids, dates, counts)
 * @param variant which wording of the code applies (the name of a typed reason, such as a
 *                failure kind), when the code has several; the bundles hold it as {@code CODE.VARIANT}
 *                and fall back on {@code CODE}
 * @param detail  technical detail for support (an HTTP status, an exception's text, a file path),
 *                never part of the sentence: reports show it on its own line, marked as such
 */
public record Message(MessageCode code, String subject, Optional<StaffField> field, List<String> args,
                      Optional<String> variant, Optional<String> detail) {

    /** French first: the people who read reports are school secretaries and directors. */
    public static final Locale DEFAULT_LOCALE = Locale.FRENCH;
    private static final int DETAIL_MAX_LENGTH = 300;
    /** The wording of a message about something that was planned but not done (a record not sent). */
    public static final String NOT_DONE = "NOT_DONE";

    /**
     * Turns a missing subject, field, variant or detail into an empty one and copies the arguments.
     *
     * @param code the stable code
     * @param subject the person the message is about ("DUPONT Marie (id 42)"), empty for the run
     * @param field the field to fix in the school software, when there is one
     * @param args further values the text names (other local ids, dates, counts)
     * @param variant which wording of the code applies (the name of a typed reason, such as a failure kind),
     *     when the code has several; the bundles hold it as {@code CODE.VARIANT} and fall back on {@code CODE}
     * @param detail technical detail for support (an HTTP status, an exception's text, a file path), never
     *     part of the sentence: reports show it on its own line, marked as such
     */
    public Message {
        Objects.requireNonNull(code, "code");
        subject = subject == null ? "" : subject;
        field = field == null ? Optional.empty() : field;
        args = List.copyOf(args);
        variant = variant == null ? Optional.empty() : variant;
        detail = detail == null ? Optional.empty() : detail;
    }

    /**
     * A message without variant or technical detail.
     *
     * @param code the stable code
     * @param subject the person the message is about, empty for the run
     * @param field the field to fix, when there is one
     * @param args further values the text names
     */
    public Message(MessageCode code, String subject, Optional<StaffField> field, List<String> args) {
        this(code, subject, field, args, Optional.empty(), Optional.empty());
    }

    /**
     * This message worded as {@code variant} (the name of a typed reason, e.g. {@code IN_FUTURE}).
     *
     * @param variant the wording's name
     * @return the changed copy
     */
    public Message withVariant(String variant) {
        return new Message(code, subject, field, args, Optional.of(Objects.requireNonNull(variant, "variant")), detail);
    }

    /**
     * This message with technical detail, shown apart from the sentence.
     *
     * @param detail an HTTP status, an exception's text, a file path
     * @return the changed copy
     */
    public Message withDetail(String detail) {
        return new Message(code, subject, field, args, variant, Optional.of(Objects.requireNonNull(detail, "detail")));
    }

    /**
     * The technical detail, escaped and cut like every echoed value (at 300 characters: it is for support).
     *
     * @param locale the language of the cut's suffix
     * @return the detail, or empty
     */
    public Optional<String> detailText(Locale locale) {
        return detail.map(d -> Echo.value(d, DETAIL_MAX_LENGTH, locale));
    }

    /**
     * A message about {@code subject}, on the code's usual field.
     *
     * @param code the stable code
     * @param subject the person the message is about, "" for the run
     * @param args further values the text names
     * @return the message
     */
    public static Message of(MessageCode code, String subject, String... args) {
        return new Message(code, subject, code.field(), List.of(args));
    }

    /**
     * A message about {@code subject} naming a precise {@code field}.
     *
     * @param code the stable code
     * @param subject the person the message is about, "" for the run
     * @param field the field to fix
     * @param args further values the text names
     * @return the message
     */
    public static Message about(MessageCode code, String subject, StaffField field, String... args) {
        return new Message(code, subject, Optional.of(field), List.of(args));
    }

    /** {@return how serious this message is: its code's level} */
    public Level level() {
        return code.level();
    }

    /** {@return the text in French} */
    public String text() {
        return text(DEFAULT_LOCALE);
    }

    /**
     * The text for people in {@code locale} (French or English; others fall back on French). Arguments: {0}
     * the person, {1} the field's label, {2}… the args; in French, ISO dates among the args are shown day
     * first (30/09/2026). An argument the text reads as a choice picks a variant of the text by its number.
     * Every other value is {@linkplain Echo echoed}: control characters escaped, cut at {@value
     * Echo#MAX_LENGTH} characters. The technical detail is not part of the text ({@link #detailText}).
     *
     * @param locale the reader's language
     * @return the sentence
     */
    public String text(Locale locale) {
        Texts bundle = bundle(locale);
        String fieldLabel = field.map(f -> bundle.getString("field." + f.name())).orElse("");
        Object[] values = new Object[2 + args.size()];
        values[0] = Echo.value(subject, bundle.getLocale());
        values[1] = fieldLabel;
        boolean french = !bundle.getLocale().getLanguage().equals("en");
        String key = variant.map(v -> code.name() + "." + v).filter(bundle::containsKey).orElse(code.name());
        MessageFormat format = new MessageFormat(bundle.getString(key), bundle.getLocale());
        Format[] formats = format.getFormatsByArgumentIndex();
        for (int i = 0; i < args.size(); i++) {
            boolean choice = 2 + i < formats.length && formats[2 + i] instanceof ChoiceFormat;
            values[2 + i] = choice ? choiceOf(args.get(i))
                    : listOrValue(french ? frenchDate(args.get(i)) : args.get(i), bundle.getLocale());
        }
        return format.format(values);
    }

    /** An argument that picks a variant of the text ({@code {4,choice,0#...|1#...}}); 0 when it is not a number. */
    private static Integer choiceOf(String arg) {
        try {
            return Integer.valueOf(arg);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * This message as said of a record that was planned but not sent (« serait désactivé »).
     *
     * @return the changed copy
     */
    public Message notDone() {
        return variant.isPresent() ? this : withVariant(NOT_DONE);
    }

    /**
     * Joins values for one argument (several names); each is echoed on its own when the text is made.
     *
     * @param values the values
     * @return one argument holding them
     */
    public static String list(List<String> values) {
        return String.join(String.valueOf(LIST_SEPARATOR), values);
    }

    /** U+001E (record separator): a value holding one is shown as two parts, each echoed, never raw. */
    private static final char LIST_SEPARATOR = '\u001E';

    private static String listOrValue(String arg, Locale locale) {
        if (arg.indexOf(LIST_SEPARATOR) < 0) {
            return Echo.value(arg, locale);
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String part : arg.split(String.valueOf(LIST_SEPARATOR), -1)) {
            parts.add(Echo.value(part, locale));
        }
        return String.join(", ", parts);
    }

    /**
     * Dates travel in arguments as ISO text ("2026-09-30", "2026-10-14 10:00"); a secretary in
     * Belgium reads them as 30/09/2026. Anything else is left as it is.
     */
    static String frenchDate(String arg) {
        boolean isoDate = arg.length() >= 10 && arg.charAt(4) == '-' && arg.charAt(7) == '-'
                && (arg.length() == 10 || arg.charAt(10) == ' ' || arg.charAt(10) == 'T');
        if (!isoDate) {
            return arg;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
            if (arg.charAt(i) < '0' || arg.charAt(i) > '9') {
                return arg;
            }
        }
        String rest = arg.length() == 10 ? "" : " " + arg.substring(11);
        return arg.substring(8, 10) + '/' + arg.substring(5, 7) + '/' + arg.substring(0, 4) + rest;
    }

    /** The texts of {@code locale}: English for English, French for every other language (and for null). */
    static Texts bundle(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? Texts.ENGLISH : Texts.FRENCH;
    }

    /**
     * The texts of one language, {@code Messages_fr.properties} or {@code Messages_en.properties}
     * beside this class, read as UTF-8 once. Read by hand rather than through {@code ResourceBundle}:
     * a named module may not pass a {@code ResourceBundle.Control}, and without one a French or
     * English bundle would fall back on the JVM's default locale. Neither language falls back on the
     * other: a key missing from one is a {@link MissingResourceException}, as it always was.
     */
    static final class Texts {
        static final Texts FRENCH = load(Locale.FRENCH);
        static final Texts ENGLISH = load(Locale.ENGLISH);

        private final Locale locale;
        private final Map<String, String> texts;

        private Texts(Locale locale, Map<String, String> texts) {
            this.locale = locale;
            this.texts = texts;
        }

        private static Texts load(Locale locale) {
            String name = "Messages_" + locale.getLanguage() + ".properties";
            try (InputStream in = Message.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Message bundle missing for " + locale + ": " + name);
                }
                Properties properties = new Properties();
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                Map<String, String> texts = new java.util.HashMap<>();
                for (String key : properties.stringPropertyNames()) {
                    texts.put(key, properties.getProperty(key));
                }
                return new Texts(locale, Map.copyOf(texts));
            } catch (IOException e) {
                throw new UncheckedIOException("Message bundle unreadable for " + locale + ": " + name, e);
            }
        }

        Locale getLocale() {
            return locale;
        }

        boolean containsKey(String key) {
            return texts.containsKey(key);
        }

        String getString(String key) {
            String text = texts.get(key);
            if (text == null) {
                throw new MissingResourceException("No " + locale + " text for " + key, Message.class.getName(), key);
            }
            return text;
        }

        java.util.Set<String> keys() {
            return texts.keySet();
        }
    }

    @Override
    public String toString() {
        return code + (subject.isEmpty() ? "" : " [" + subject + "]") + (args.isEmpty() ? "" : " " + args);
    }
}
