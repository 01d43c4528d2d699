package be.segec.extranet.core.transfer;

import be.segec.extranet.core.StaffMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small staff lists for the engine's tests. */
final class Staff {

    private Staff() {
    }

    static StaffMember teacher(String id, String last, String first, int birthYear) {
        return StaffMember.builder().localId(id).lastName(last).firstName(first)
                .birthDate(LocalDate.of(birthYear, 3, 14))
                .email(ascii(first) + "." + ascii(last) + "@ecole-" + id + ".be").build();
    }

    /** {@code n} distinct teachers with local ids 1..n. */
    static List<StaffMember> teachers(int n) {
        List<StaffMember> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(teacher(Integer.toString(i), "Nom" + (char) ('A' + i % 26) + i, "Prenom" + i, 1960 + i % 40));
        }
        return out;
    }

    static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    }
}
