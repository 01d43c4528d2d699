package be.segec.extranet.core.transfer;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Sample schools for the report tests and docs/report-json.md. */
final class SampleSchool {

    private SampleSchool() {
    }

    private static StaffMember.Builder person(String id, String last, String first, LocalDate birth, String email) {
        return StaffMember.builder().localId(id).lastName(last).firstName(first).birthDate(birth).email(email);
    }

    /** The small school of the docs example: one of each common case, on its first transfer. */
    static List<StaffMember> small() {
        return List.of(
                person("17", "D'Hondt", "Marie-Claire", LocalDate.of(1980, 5, 12), "marie-claire.dhondt@ecole.be").build(),
                person("23", "Peeters", "Jan", LocalDate.of(1991, 11, 3), "jan.peeters@ecole.be")
                        .administrativePresence(false).build(),
                person("31", "Lemaître", "Hélène", LocalDate.of(1975, 2, 28), null).build(),
                person("40", "Hermans", "Guy", LocalDate.of(1968, 7, 1), "guy.hermans@ecole.be").teaching(false).build());
    }

    /** The staff of a school before the sample run: eight people, one director. */
    static List<StaffMember> before() {
        List<StaffMember> s = new ArrayList<>();
        s.add(person("1", "Dupont", "Marie", LocalDate.of(1979, 4, 2), "marie.dupont@ecole.be").build());
        s.add(person("17", "D'Hondt", "Marie-Claire", LocalDate.of(1980, 5, 12), "marie-claire.dhondt@ecole.be").build());
        s.add(person("23", "Peeters", "Jan", LocalDate.of(1991, 11, 3), "jan.peeters@ecole.be").build());
        s.add(person("31", "Lemaître", "Hélène", LocalDate.of(1975, 2, 28), "direction@ecole.be")
                .promotionFunction(true).build());
        s.add(person("42", "Van den Berghe", "Luc", LocalDate.of(1985, 9, 9), "luc.vandenberghe@ecole.be").build());
        s.add(person("50", "Janssens", "Ann", LocalDate.of(1990, 1, 20), "ann.janssens@ecole.be").build());
        s.add(person("55", "Dubois", "Anaïs", LocalDate.of(1994, 6, 30), "anais.dubois@ecole.be").build());
        s.add(person("60", "Müller", "Zoë", LocalDate.of(1988, 12, 1), "zoe.muller@ecole.be").build());
        return s;
    }

    /** The same school at the sample run: departures, newcomers, mistakes to fix. */
    static List<StaffMember> after() {
        List<StaffMember> s = new ArrayList<>(before());
        s.removeIf(m -> m.localId().equals("50")); // Ann Janssens vanished from the software
        s.replaceAll(m -> switch (m.localId()) {
            case "23" -> m.toBuilder().administrativePresence(false).build(); // left, no exit date
            case "60" -> m.toBuilder().email("zoe.muller@gmail.com").build(); // new address
            default -> m;
        });
        s.add(person("70", "De Smet", "Pieter", LocalDate.of(1992, 3, 3), null).build());
        s.add(person("71", "Martin", "Sophie", LocalDate.of(1987, 8, 8), "secretariat@ecole.be").build());
        s.add(person("72", "Leroy", "Julie", LocalDate.of(1993, 10, 10), "secretariat@ecole.be").build());
        s.add(person("73", "Claes", "Thomas", LocalDate.of(1996, 5, 5), "thomas.claes@ecole.be").build());
        s.add(person("74", "Jacobs", "Nathalie", LocalDate.of(1982, 2, 14), "nathalie.jacobs@ecole.be").build());
        s.add(person("75", "Lambert", "Kevin", LocalDate.of(1990, 9, 19), "k.lambert@ecole.be").build());
        s.add(person("76", "Wouters", "Emma", LocalDate.of(1997, 4, 4), "emma.wouters@ecole.be")
                .exitDate(LocalDate.of(2026, 9, 30)).build());
        s.add(person("80", "Hermans", "Guy", LocalDate.of(1968, 7, 1), "guy.hermans@ecole.be").teaching(false).build());
        return s;
    }

    /** What the extranet knows from other schools: Nathalie Jacobs's account, and k.lambert@ecole.be used by someone else. */
    static void otherSchools(FakeExtranet extranet) {
        extranet.existingAccount(IdentityKey.from("Jacobs", "Nathalie", LocalDate.of(1982, 2, 14)).orElseThrow(),
                "nathalie.jacobs@ecole.be");
        extranet.existingAccount(IdentityKey.from("Lambert", "Karine", LocalDate.of(1970, 1, 1)).orElseThrow(),
                "k.lambert@ecole.be");
    }

    /** Runs the sample: a first transfer of {@link #before()}, then the reported one of {@link #after()}. */
    static TransferReport runRich(Engines e) {
        otherSchools(e.extranet);
        e.run(before());
        return e.run(after());
    }
}
