package be.segec.extranet.cli.internal;

import java.util.Locale;

/** The language of what the command line prints: French first (secretaries), English also. */
public enum Lang {
    FR(Locale.FRENCH),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** {@code fr} or {@code en} (any case); anything else is a usage error said in both languages. */
    public static Lang parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("fr")) {
            return FR;
        }
        if (t.equals("en")) {
            return EN;
        }
        String v = be.segec.extranet.core.message.Echo.value(String.valueOf(text), Locale.FRENCH);
        throw new UsageException("--lang vaut fr ou en ; reçu « " + v + " ».\n--lang is fr or en; got '" + v + "'.");
    }

    /** English for {@code Locale.ENGLISH}, French otherwise. */
    public static Lang of(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? EN : FR;
    }

    /** The French or the English text. */
    public String t(String fr, String en) {
        return this == EN ? en : fr;
    }
}
