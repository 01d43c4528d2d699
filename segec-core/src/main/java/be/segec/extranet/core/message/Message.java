package be.segec.extranet.core.message;

import be.segec.extranet.core.StaffField;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * One message of a transfer: a stable {@link MessageCode}, the person it is about, the field to
 * fix, and arguments; its text is rendered in French (the default) or English on demand.
 *
 * @param code    the stable code
 * @param subject the person the message is about ("DUPONT Marie (id 42)"), empty for the run
 * @param field   the field to fix in the school software, when there is one
 * @param args    further values the text names (other local ids, dates, counts)
 */
public record Message(MessageCode code, String subject, Optional<StaffField> field, List<String> args) {

    /** French first: the people who read reports are school secretaries and directors. */
    public static final Locale DEFAULT_LOCALE = Locale.FRENCH;
    private static final String BUNDLE = "be.segec.extranet.core.message.Messages";

    public Message {
        Objects.requireNonNull(code, "code");
        subject = subject == null ? "" : subject;
        field = field == null ? Optional.empty() : field;
        args = List.copyOf(args);
    }

    /** A message about {@code subject}, on the code's usual field. */
    public static Message of(MessageCode code, String subject, String... args) {
        return new Message(code, subject, code.field(), List.of(args));
    }

    /** A message about {@code subject} naming a precise {@code field}. */
    public static Message about(MessageCode code, String subject, StaffField field, String... args) {
        return new Message(code, subject, Optional.of(field), List.of(args));
    }

    public Level level() {
        return code.level();
    }

    /** The text in French. */
    public String text() {
        return text(DEFAULT_LOCALE);
    }

    /**
     * The text for people in {@code locale} (French or English; others fall back on French).
     * Arguments: {0} the person, {1} the field's label, {2}… the args; in French, ISO dates
     * among the args are shown day first (30/09/2026). An argument the text reads as a choice
     * picks a variant of the text by its number.
     */
    public String text(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String fieldLabel = field.map(f -> bundle.getString("field." + f.name())).orElse("");
        Object[] values = new Object[2 + args.size()];
        values[0] = subject;
        values[1] = fieldLabel;
        boolean french = !bundle.getLocale().getLanguage().equals("en");
        MessageFormat format = new MessageFormat(bundle.getString(code.name()), bundle.getLocale());
        Format[] formats = format.getFormatsByArgumentIndex();
        for (int i = 0; i < args.size(); i++) {
            boolean choice = 2 + i < formats.length && formats[2 + i] instanceof ChoiceFormat;
            values[2 + i] = choice ? choiceOf(args.get(i)) : french ? frenchDate(args.get(i)) : args.get(i);
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

    static ResourceBundle bundle(Locale locale) {
        Locale l = locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.FRENCH;
        try {
            return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Message bundle missing for " + l, e);
        }
    }

    @Override
    public String toString() {
        return code + (subject.isEmpty() ? "" : " [" + subject + "]") + (args.isEmpty() ? "" : " " + args);
    }
}
