package be.segec.extranet.bench.internal;

import be.segec.extranet.core.StaffMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic, realistic staff lists for benchmarks: Belgian names with accents, ligatures,
 * particles and apostrophes in mixed case, unique e-mails, a few directors, leavers, people out
 * of scope and invalid records. The same seed gives the same list, so every run measures the
 * same work.
 */
public final class SyntheticStaff {

    /** Last names as secretaries type them, particles and punctuation included. */
    static final String[] LAST_NAMES = {
        "Dupont", "Van den Berghe", "D'Hondt", "Lefèvre", "De Smet", "Peeters", "Janssens", "Müller",
        "Vandenberghe", "Van der Linden", "Dubois", "Lambert", "Martin", "Goossens", "De Backer",
        "Mertens", "Willems", "Claes", "Maes", "Wouters", "Leclercq", "Dumont", "Desmet", "Renard",
        "Simon", "Laurent", "Lemaire", "Michel", "François", "Fontaine", "Van Damme", "Noël",
        "Delvaux", "Collignon", "Schmitz", "O'Neill", "Œuvray", "Ganßer", "Nuñez", "Çelik",
        "El Amrani", "Ben Saïd", "Moreau-Lecomte", "de la Motte", "du Bois d'Enghien", "VAN HOOF",
        "Thiry", "Hérion", "Bastogne", "Léonard", "Stévenart", "Pirard", "Jacquemin", "Degrève",
    };

    /** First names, compound and accented. */
    static final String[] FIRST_NAMES = {
        "Marie", "Marie-Claire", "Jean", "Jean-François", "Hélène", "Zoë", "Noël", "Anaïs", "Chloé",
        "Émilie", "Benoît", "Jérôme", "Sophie", "Pierre", "Luc", "Ann-Sophie", "Björn", "Ægidius",
        "Françoise", "Géraldine", "Nathalie", "Véronique", "Stéphane", "Frédéric", "Thérèse", "Inès",
        "Mohamed", "Fatima", "Yasmine", "Kevin", "Julie", "Sarah", "Nicolas", "Laurence", "Éric",
        "Ophélie", "Joëlle", "Maïté", "Thomas", "Christophe", "Valérie", "Cédric", "Aurélie", "Lucas",
    };

    private SyntheticStaff() {
    }

    /**
     * {@code size} records of one school (or of the whole network) with unique local ids and
     * e-mails. About 1 in 200 records is invalid (bad e-mail, missing birth date or a name of
     * dots), 1 in 50 is out of scope, 1 in 40 is leaving, 1 in 100 is a director.
     */
    public static List<StaffMember> school(int size, long seed) {
        return generate(size, seed, "", true);
    }

    /** Like {@link #school}, all records valid and in scope: every one is sent. */
    public static List<StaffMember> cleanSchool(int size, long seed, String emailTag) {
        return generate(size, seed, emailTag, false);
    }

    private static List<StaffMember> generate(int size, long seed, String emailTag, boolean withNoise) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<StaffMember> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            if (random.nextInt(10) == 0) {
                last = last.toUpperCase(java.util.Locale.ROOT);
            }
            LocalDate birth = LocalDate.of(1955 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
            StaffMember.Builder b = StaffMember.builder()
                    .localId(Integer.toString(100_000 + i))
                    .lastName(last)
                    .firstName(first)
                    .birthDate(birth)
                    .email(ascii(first) + "." + ascii(last) + "." + i + emailTag + "@ecole" + (i % 97) + ".be");
            int roll = withNoise ? random.nextInt(1000) : 999;
            if (roll < 2) {
                b.email("not an e-mail " + i);
            } else if (roll < 4) {
                b.birthDate(null);
            } else if (roll < 5) {
                b.lastName("..");
            } else if (roll < 25) {
                b.teaching(false);
            } else if (roll < 50) {
                b.administrativePresence(false).exitDate(LocalDate.of(2026, 10, 31));
            } else if (roll < 60) {
                b.promotionFunction(true);
            }
            out.add(b.build());
        }
        return out;
    }

    /** The e-mail form of a name: lower-case ASCII letters only, as mail servers often require. */
    static String ascii(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        String folded = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD);
        for (int i = 0; i < folded.length(); i++) {
            char c = Character.toLowerCase(folded.charAt(i));
            if (c >= 'a' && c <= 'z') {
                sb.append(c);
            } else if (c == 'æ') {
                sb.append("ae");
            } else if (c == 'œ') {
                sb.append("oe");
            } else if (c == 'ß') {
                sb.append("ss");
            }
        }
        return sb.isEmpty() ? "x" : sb.toString();
    }
}
