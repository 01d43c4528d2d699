package be.segec.extranet.testkit.reliability;

import be.segec.extranet.core.StaffMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A small school as the school software holds it: four teachers and a director, real Belgian name shapes. */
final class Staff {

    private Staff() {
    }

    static StaffMember teacher(String localId, String last, String first, String birth, String email) {
        return StaffMember.builder().localId(localId).lastName(last).firstName(first)
                .birthDate(LocalDate.parse(birth)).email(email).build();
    }

    static StaffMember director(String localId, String last, String first, String birth, String email) {
        return teacher(localId, last, first, birth, email).toBuilder().promotionFunction(true).build();
    }

    /** The school of most tests. */
    static List<StaffMember> school() {
        return List.of(
                teacher("17", "D'Hondt", "Marie-Claire", "1980-05-12", "marie-claire.dhondt@ecole.be"),
                teacher("23", "Peeters", "Jan", "1991-11-03", "jan.peeters@ecole.be"),
                teacher("31", "Van den Berghe", "Sophie", "1975-02-28", "sophie.vandenberghe@ecole.be"),
                teacher("42", "Müller", "Zoé", "1988-12-01", "zoe.muller@ecole.be"),
                director("50", "Lambert", "Christophe", "1968-09-14", "christophe.lambert@ecole.be"));
    }

    /** {@code n} teachers with distinct identities and e-mails (for chunked transfers). */
    static List<StaffMember> many(int n) {
        List<StaffMember> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(teacher(String.valueOf(1000 + i), "Dubois" + letters(i), "Léa", "1985-03-" + (10 + i % 18),
                    "lea.dubois" + i + "@ecole.be"));
        }
        return out;
    }

    /** A name part made of letters only, distinct for each {@code i} (digits would fold the same way). */
    private static String letters(int i) {
        StringBuilder b = new StringBuilder();
        int v = i;
        do {
            b.append((char) ('a' + v % 26));
            v /= 26;
        } while (v > 0);
        return b.toString();
    }
}
