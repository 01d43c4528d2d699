package be.segec.extranet.testkit.internal.generation;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.validation.BirthDates;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds realistic, valid staff members and schools (and broken variants) from a {@link Draw}.
 * Stateless: everything random comes from the draw.
 */
public final class StaffFactory {

    /** A last name and a first name as typed in the school software. */
    public record Name(String lastName, String firstName) {
    }

    /** The kinds of valid staff member, with how often they come. */
    enum Kind {
        TEACHER(52), DIRECTOR(6), DIRECTOR_ON_MISSION_LEAVE(4), TEACHER_ON_LEAVE(5), INTERIM_LEFT(10),
        LEFT_WITHOUT_EXIT_DATE(4), FUTURE_EXIT(9), INTERIM_FINISHED_STILL_PRESENT(10);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    private StaffFactory() {
    }

    // ---- names -------------------------------------------------------------------------------

    public static String lastName(Draw d) {
        String name;
        switch (d.between(0, 5)) {
            case 0, 1 -> name = d.pick(NameData.FRENCH_LAST);
            case 2, 3 -> name = d.pick(NameData.DUTCH_LAST);
            case 4 -> name = d.pick(NameData.PARTICLES) + d.pick(NameData.PARTICLE_BASES);
            default -> name = d.pick(NameData.APOSTROPHE_LAST);
        }
        if (d.chance(8)) {
            name = name + "-" + d.pick(d.chance(50) ? NameData.FRENCH_LAST : NameData.DUTCH_LAST);
        }
        return casing(d, name, 30, 8);
    }

    public static String firstName(Draw d) {
        String name;
        switch (d.between(0, 4)) {
            case 0, 1 -> name = d.pick(NameData.FRENCH_FIRST);
            case 2, 3 -> name = d.pick(NameData.DUTCH_FIRST);
            default -> name = d.pick(NameData.COMPOUND_FIRST) + "-" + d.pick(NameData.COMPOUND_FIRST);
        }
        return casing(d, name, 10, 4);
    }

    public static Name name(Draw d) {
        return new Name(lastName(d), firstName(d));
    }

    /** As typed, in capitals (common for last names), or in lower case. */
    private static String casing(Draw d, String name, int upperPercent, int lowerPercent) {
        int x = d.between(0, 99);
        if (x >= 100 - upperPercent) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (x >= 100 - upperPercent - lowerPercent) {
            return name.toLowerCase(Locale.ROOT);
        }
        return name;
    }

    // ---- e-mails and dates -------------------------------------------------------------------

    /** A deliverable address made from the name, as people have them. */
    public static String email(Draw d, Name name) {
        String first = ascii(name.firstName());
        String last = ascii(name.lastName());
        String local;
        switch (d.between(0, 4)) {
            case 0 -> local = first + "." + last;
            case 1 -> local = first.charAt(0) + last;
            case 2 -> local = last + "." + first + d.between(1, 99);
            case 3 -> local = first + "_" + last;
            default -> local = cap(first) + "." + cap(last);
        }
        if (local.length() > 56) {
            local = local.substring(0, 56);
        }
        while (local.endsWith(".") || local.endsWith("_")) {
            local = local.substring(0, local.length() - 1);
        }
        return local + "@" + d.pick(NameData.DOMAINS);
    }

    public static String email(Draw d) {
        return email(d, name(d));
    }

    /** A birth date making the person 18 to 67 years old on {@code referenceDate} (the rule allows 18 to 75). */
    public static LocalDate birthDate(Draw d, LocalDate referenceDate) {
        LocalDate youngest = referenceDate.minusYears(BirthDates.MIN_AGE_YEARS);
        LocalDate oldest = referenceDate.minusYears(67);
        int span = (int) ChronoUnit.DAYS.between(oldest, youngest);
        return youngest.minusDays(d.between(0, Math.max(0, span)));
    }

    /** Lower-case ASCII letters and digits of a name: "D'Hondt" → "dhondt", "Crèvecœur" → "crevecoeur". */
    static String ascii(String name) {
        String s = name.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.length() == 0 ? "x" : b.toString();
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---- staff members -----------------------------------------------------------------------

    /** A valid staff member in the transfer's scope (teaching or promoted), of a random kind. */
    public static StaffMember staffMember(Draw d, LocalDate referenceDate, String localId) {
        int x = d.between(0, 99);
        Kind kind = Kind.TEACHER;
        int acc = 0;
        for (Kind k : Kind.values()) {
            acc += k.weight;
            if (x < acc) {
                kind = k;
                break;
            }
        }
        return of(kind, d, referenceDate, localId);
    }

    static StaffMember of(Kind kind, Draw d, LocalDate ref, String localId) {
        Name name = name(d);
        StaffMember.Builder b = StaffMember.builder().localId(localId).lastName(name.lastName()).firstName(name.firstName())
                .birthDate(birthDate(d, ref)).email(email(d, name));
        LocalDate yearStart = SchoolYear.of(ref).firstDay(SchoolYear.DEFAULT_ROLLOVER);
        switch (kind) {
            case DIRECTOR -> b.teaching(false).promotionFunction(true);
            case DIRECTOR_ON_MISSION_LEAVE -> b.teaching(false).promotionFunction(true).physicalPresence(false);
            case TEACHER_ON_LEAVE -> b.physicalPresence(false);
            case INTERIM_LEFT -> b.administrativePresence(false).physicalPresence(false).exitDate(dayBetween(d, yearStart, ref));
            case LEFT_WITHOUT_EXIT_DATE -> b.administrativePresence(false).physicalPresence(false);
            case FUTURE_EXIT -> b.exitDate(ref.plusDays(d.between(1, 300)));
            case INTERIM_FINISHED_STILL_PRESENT -> b.exitDate(dayBetween(d, yearStart, ref));
            default -> { }
        }
        return b.build();
    }

    private static LocalDate dayBetween(Draw d, LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return to;
        }
        return to.minusDays(d.between(0, (int) ChronoUnit.DAYS.between(from, to)));
    }

    /** A staff member out of the transfer's scope: neither teaching nor promoted (secretary, educator). */
    static StaffMember nonTeaching(Draw d, LocalDate ref, String localId) {
        return of(Kind.TEACHER, d, ref, localId).toBuilder().teaching(false).build();
    }

    // ---- schools -----------------------------------------------------------------------------

    /** A whole school; see {@code StaffGenerators.schools()}. */
    public static GeneratedSchoolParts school(Draw d, LocalDate ref) {
        SchoolId school = SchoolId.of(d.between(1, SchoolId.MAX));
        List<StaffMember> staff = new ArrayList<>();
        Unique unique = new Unique();
        staff.add(unique.fix(of(Kind.DIRECTOR, d, ref, "1"), ref));
        int teachers = d.between(5, 40);
        for (int i = 0; i < teachers; i++) {
            Kind kind = d.pick(List.of(Kind.TEACHER, Kind.TEACHER, Kind.TEACHER, Kind.FUTURE_EXIT,
                    Kind.INTERIM_FINISHED_STILL_PRESENT, Kind.LEFT_WITHOUT_EXIT_DATE));
            staff.add(unique.fix(of(kind, d, ref, Integer.toString(staff.size() + 1)), ref));
        }
        int interims = d.between(1, 3);
        for (int i = 0; i < interims; i++) {
            staff.add(unique.fix(of(Kind.INTERIM_LEFT, d, ref, Integer.toString(staff.size() + 1)), ref));
        }
        int onLeave = d.between(1, 3);
        for (int i = 0; i < onLeave; i++) {
            Kind kind = i == 0 ? Kind.DIRECTOR_ON_MISSION_LEAVE : Kind.TEACHER_ON_LEAVE;
            staff.add(unique.fix(of(kind, d, ref, Integer.toString(staff.size() + 1)), ref));
        }
        int others = d.between(1, 4);
        for (int i = 0; i < others; i++) {
            staff.add(unique.fix(nonTeaching(d, ref, Integer.toString(staff.size() + 1)), ref));
        }
        return new GeneratedSchoolParts(school, ref, staff);
    }

    /** The parts of a generated school, before the public record wraps them. */
    public record GeneratedSchoolParts(SchoolId school, LocalDate referenceDate, List<StaffMember> staff) {
    }

    /** Keeps identities and e-mails unique within a school, as a real one has them (draws shrink toward sameness). */
    private static final class Unique {
        private final Set<IdentityKey> keys = new HashSet<>();
        private final Set<String> emails = new HashSet<>();

        StaffMember fix(StaffMember m, LocalDate ref) {
            LocalDate birth = m.birthDate().orElseThrow();
            IdentityKey key = IdentityKey.from(m.lastName(), m.firstName(), birth).orElseThrow();
            LocalDate oldest = ref.minusYears(67);
            for (int tries = 0; !keys.add(key); tries++) {
                if (tries > 50_000) {
                    throw new IllegalStateException("no free birth date left for " + m.displayName());
                }
                birth = birth.minusDays(1);
                if (birth.isBefore(oldest)) {
                    birth = ref.minusYears(18);
                }
                key = IdentityKey.from(m.lastName(), m.firstName(), birth).orElseThrow();
            }
            String email = m.email().orElseThrow();
            for (int n = 1; !emails.add(email.toLowerCase(Locale.ROOT)); ) {
                int at = m.email().get().indexOf('@');
                email = m.email().get().substring(0, at) + "." + (++n) + m.email().get().substring(at);
                if (n > 10_000) {
                    throw new IllegalStateException("no free e-mail left for " + m.displayName());
                }
            }
            return m.toBuilder().birthDate(birth).email(email).build();
        }
    }

    // ---- broken values -----------------------------------------------------------------------

    /** Names the rules refuse: empty, blank, punctuation only, control or bidirectional characters, too long. */
    public static String invalidName(Draw d) {
        return switch (d.between(0, 9)) {
            case 8 -> "\u202E" + new StringBuilder(lastName(d)).reverse(); // displays as the name
            case 9 -> firstName(d) + d.pick(List.of("\u200E", "\u2066", "\uFEFF", "\u200D", "\u0085"));
            case 0 -> "";
            case 1 -> " ".repeat(d.between(1, 4));
            case 2 -> d.pick(List.of("-", "'", ".", "- ' .", "’’", "--", "( )"));
            case 3 -> lastName(d) + "\u0000";
            case 4 -> firstName(d) + "\t" + lastName(d);
            case 5 -> "\n" + lastName(d);
            case 6 -> "X".repeat(101 + d.between(0, 50));
            default -> lastName(d) + "\u0007";
        };
    }

    /**
     * Addresses the rule refuses, made from a name so they look plausible: malformed ones, an
     * accented local part, a top-level domain that does not exist.
     */
    public static String invalidEmail(Draw d) {
        Name name = name(d);
        String local = ascii(name.firstName()) + "." + ascii(name.lastName());
        String domain = d.pick(NameData.DOMAINS);
        String withoutTld = domain.substring(0, domain.lastIndexOf('.'));
        return switch (d.between(0, 15)) {
            case 14 -> local + "@" + withoutTld + d.pick(List.of(".con", ".cmo", ".bee", ".frr", ".zzzz"));
            case 15 -> local.substring(0, 1) + d.pick(List.of("é", "ë", "ç", "ø")) + local.substring(1) + "@" + domain;
            case 0 -> "";
            case 1 -> local;
            case 2 -> local + "@";
            case 3 -> "@" + domain;
            case 4 -> local + "@localhost";
            case 5 -> ascii(name.firstName()) + " " + ascii(name.lastName()) + "@" + domain;
            case 6 -> local + "@@" + domain;
            case 7 -> local + "@" + domain.replace(".", "..");
            case 8 -> local + "@" + domain.substring(0, domain.lastIndexOf('.')) + ".b";
            case 9 -> "." + local + "@" + domain;
            case 10 -> local + ".@" + domain;
            case 11 -> name.firstName().toLowerCase(Locale.ROOT) + "é@" + domain;
            case 12 -> local + "@-" + domain;
            default -> local + "@" + domain + "\u0000";
        };
    }

    /** A staff member who would get an access but for one broken field (name, e-mail or birth date). */
    public static StaffMember invalidStaffMember(Draw d, LocalDate ref, String localId) {
        StaffMember valid = of(Kind.TEACHER, d, ref, localId);
        StaffMember.Builder b = valid.toBuilder();
        switch (d.between(0, 9)) {
            case 0 -> b.lastName(invalidName(d));
            case 1 -> b.firstName(invalidName(d));
            case 2 -> b.email(null);
            case 3 -> b.email(invalidEmail(d));
            case 4 -> b.birthDate(null);
            case 5 -> b.birthDate(ref.plusDays(d.between(1, 3650)));
            case 6 -> b.birthDate(ref.minusYears(BirthDates.MAX_AGE_YEARS + 1L).minusDays(d.between(0, 36500)));
            case 7 -> b.birthDate(ref.minusYears(BirthDates.MIN_AGE_YEARS).plusDays(d.between(1, 5000)));
            case 8 -> b.birthDate(d.pick(List.copyOf(new java.util.TreeSet<>(BirthDates.EMPTY_CELL_DATES))));
            default -> b.lastName(invalidName(d)).email(invalidEmail(d));
        }
        return b.build();
    }
}
