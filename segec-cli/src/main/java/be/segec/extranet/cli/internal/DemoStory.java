package be.segec.extranet.cli.internal;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.testkit.Account;
import be.segec.extranet.testkit.Membership;
import be.segec.extranet.testkit.OutboxMessage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Tells the demo as a school director would follow it: the schools, each report, then what the extranet holds. */
final class DemoStory {

    private final Lang l;
    private final PrintWriter out;

    DemoStory(Lang lang, PrintWriter out) {
        this.l = Objects.requireNonNull(lang, "lang");
        this.out = Objects.requireNonNull(out, "out");
    }

    void intro() {
        out.println(l.t("=== Démonstration : le transfert du personnel vers l’extranet du SeGEC ===",
                "=== Demo: the staff transfer to the SeGEC extranet ==="));
        out.println();
        out.println(l.t("Deux écoles fictives envoient leur personnel à un extranet fictif qui tourne sur cet ordinateur :"
                        + " rien ne quitte la machine, rien n’est gardé ensuite.",
                "Two fictitious schools send their staff to a fictitious extranet running on this computer:"
                        + " nothing leaves the machine, nothing is kept afterwards."));
        for (SampleSchool s : SampleSchool.all()) {
            out.println("- " + s.name() + " (FASE " + s.id() + ")");
        }
        out.println(l.t("Nous sommes le 15/10/2026 (année scolaire 2026-2027). Pour chaque école, une personne lance le"
                        + " transfert et coche la case d’autorisation (« " + DemoCommand.CONSENT_BY + " »).",
                "Today is 15/10/2026 (school year 2026-2027). For each school, a person launches the transfer and"
                        + " ticks the consent box (\"" + DemoCommand.CONSENT_BY + "\")."));
    }

    void transfer(int step, SampleSchool school, int records, TransferReport report) {
        out.println();
        out.println(l.t("--- " + step + ". Transfert de « " + school.name() + " » : " + records
                        + " fiches dans le fichier exporté du logiciel de l’école ---",
                "--- " + step + ". Transfer of \"" + school.name() + "\": " + records
                        + " records in the file exported from the school software ---"));
        out.println();
        out.print(report.toText(l.locale()));
    }

    /** The first school's transfer after a teacher's marriage: the same record, her married name. */
    void marriage(int step, SampleSchool school, TransferReport report) {
        out.println();
        out.println(l.t("--- " + step + ". Un mois plus tard (" + date(DemoCommand.LATER) + ") : Marie-Claire D’Hondt s’est"
                        + " mariée. Le secrétariat de « " + school.name() + " » remplace son nom par son nom d’épouse « "
                        + DemoCommand.MARRIED_NAME + " » dans la même fiche (même identifiant " + DemoCommand.MARRIED_LOCAL_ID
                        + ") et relance le transfert ---",
                "--- " + step + ". A month later (" + date(DemoCommand.LATER) + "): Marie-Claire D'Hondt got married. The"
                        + " office of \"" + school.name() + "\" replaces her name with her married name \""
                        + DemoCommand.MARRIED_NAME + "\" in the same record (same id " + DemoCommand.MARRIED_LOCAL_ID
                        + ") and launches the transfer again ---"));
        out.println();
        out.print(report.toText(l.locale()));
    }

    /** The second school's full run, still sending the teacher's former name. */
    void formerName(int step, SampleSchool school, int records, TransferReport report) {
        out.println();
        out.println(l.t("--- " + step + ". Le même jour, « " + school.name() + " » n’a pas encore changé son nom : son envoi"
                        + " complet (toutes les " + records + " fiches, changées ou non) envoie encore « DHONDT » ---",
                "--- " + step + ". The same day, \"" + school.name() + "\" has not changed her name yet: its full run (all "
                        + records + " records, changed or not) still sends \"DHONDT\" ---"));
        out.println();
        out.print(report.toText(l.locale()));
    }

    private static String date(java.time.LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    void extranet(int step, List<Account> accounts, List<OutboxMessage> outbox) {
        out.println();
        out.println(l.t("--- " + step + ". Ce que l’extranet contient maintenant ---",
                "--- " + step + ". What the extranet holds now ---"));
        out.println();
        out.println(l.t(accounts.size() + " comptes, un par personne, même pour qui travaille dans deux écoles.",
                accounts.size() + " accounts, one per person, even for someone working in two schools."));
        for (SampleSchool s : SampleSchool.all()) {
            school(s, accounts);
        }
        List<Account> several = accounts.stream()
                .filter(a -> a.memberships().stream().map(Membership::school).distinct().count() > 1)
                .sorted(Comparator.comparing(Account::lastName)).toList();
        for (Account a : several) {
            out.println();
            out.println(l.t("Un seul compte pour deux écoles : " + name(a) + " (" + a.email() + ") a un accès dans "
                            + schools(a) + ".",
                    "One account for two schools: " + name(a) + " (" + a.email() + ") has an access in " + schools(a) + "."));
        }
        for (Account a : accounts.stream().filter(a -> !a.aliases().isEmpty()).sorted(Comparator.comparing(Account::lastName))
                .toList()) {
            String former = a.aliases().stream().map(x -> x.lastName() + " " + x.firstName()).collect(Collectors.joining(", "));
            out.println();
            out.println(l.t("Identité corrigée : " + name(a) + " garde son compte ; l’extranet retient son ancienne identité « "
                            + former + " » (un alias) : une école qui l’envoie encore atteint ce même compte.",
                    "Identity corrected: " + name(a) + " keeps her account; the extranet keeps her former identity \""
                            + former + "\" (an alias): a school still sending it reaches this same account."));
        }
        out.println();
        Map<OutboxMessage.Kind, Long> byKind = outbox.stream()
                .collect(Collectors.groupingBy(OutboxMessage::kind, () -> new EnumMap<>(OutboxMessage.Kind.class),
                        Collectors.counting()));
        out.println(l.t(outbox.size() + " e-mails envoyés par l’extranet :", outbox.size() + " e-mails sent by the extranet:"));
        Map<String, Account> byId = accounts.stream().collect(Collectors.toMap(Account::id, Function.identity()));
        for (Map.Entry<OutboxMessage.Kind, Long> e : byKind.entrySet()) {
            out.println("- " + e.getValue() + " " + kind(e.getKey(), e.getValue()));
            if (e.getKey() != OutboxMessage.Kind.INVITATION) {
                for (OutboxMessage m : outbox) {
                    if (m.kind() == e.getKey()) {
                        Account a = byId.get(m.accountId());
                        out.println("    " + (a == null ? m.accountId() : name(a)) + " → " + m.to());
                    }
                }
            }
        }
    }

    private void school(SampleSchool s, List<Account> accounts) {
        List<String> directors = new ArrayList<>();
        List<String> teachers = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        for (Account a : accounts.stream().sorted(Comparator.comparing(Account::lastName)).toList()) {
            for (Membership m : a.membershipsIn(s.id())) {
                if (!m.active()) {
                    inactive.add(name(a));
                } else if (m.role() == Role.DIRECTOR) {
                    directors.add(name(a));
                } else {
                    teachers.add(name(a));
                }
            }
        }
        out.println();
        out.println(s.name() + " (FASE " + s.id() + ")");
        out.println(l.t("- Direction : ", "- Director: ") + (directors.isEmpty() ? l.t("aucune", "none") : String.join(", ", directors)));
        out.println(l.t("- Enseignants (" + teachers.size() + ") : ", "- Teachers (" + teachers.size() + "): ") + String.join(", ", teachers));
        if (!inactive.isEmpty()) {
            out.println(l.t("- Accès désactivés : ", "- Deactivated accesses: ") + String.join(", ", inactive));
        }
    }

    private String schools(Account a) {
        return a.memberships().stream().map(Membership::school).distinct().sorted()
                .map(id -> nameOf(id) + " (" + roleOf(a, id) + ")")
                .collect(Collectors.joining(l.t(" et ", " and ")));
    }

    private String roleOf(Account a, SchoolId school) {
        boolean director = a.membershipsIn(school).stream().anyMatch(m -> m.active() && m.role() == Role.DIRECTOR);
        return director ? l.t("direction", "director") : l.t("enseignant(e)", "teacher");
    }

    private static String nameOf(SchoolId id) {
        return SampleSchool.all().stream().filter(s -> s.id().equals(id)).map(SampleSchool::name).findFirst()
                .orElse("FASE " + id);
    }

    private static String name(Account a) {
        return a.lastName() + " " + a.firstName();
    }

    private String kind(OutboxMessage.Kind kind, long count) {
        boolean many = count > 1;
        switch (kind) {
            case INVITATION:
                return l.t(many ? "invitations : un compte créé, l’e-mail explique comment l’activer"
                                : "invitation : un compte créé, l’e-mail explique comment l’activer",
                        many ? "invitations: an account created, the e-mail explains how to activate it"
                                : "invitation: an account created, the e-mail explains how to activate it");
            case CONFIRMATION:
                return l.t(many ? "confirmations : un accès ajouté à un compte qui existait déjà" : "confirmation : un accès"
                                + " ajouté à un compte qui existait déjà",
                        many ? "confirmations: an access added to an account that already existed"
                                : "confirmation: an access added to an account that already existed");
            case EMAIL_CHANGED:
                return l.t(many ? "changements d’adresse e-mail : le message part à la nouvelle adresse"
                                : "changement d’adresse e-mail : le message part à la nouvelle adresse",
                        many ? "e-mail address changes: the message goes to the new address"
                                : "e-mail address change: the message goes to the new address");
            case IDENTITY_CHANGED:
                return l.t("avis de changement d’identité : nom ou date de naissance corrigés par une école, même compte,"
                                + " pas de nouvelle invitation",
                        (many ? "identity change notices" : "identity change notice")
                                + ": names or birth date corrected by a school, same account, no new invitation");
            default:
                throw new IllegalStateException("An e-mail kind the demo does not describe: " + kind);
        }
    }

    void lessons(int step) {
        out.println();
        out.println(l.t("--- " + step + ". Ce qu’il faut retenir ---", "--- " + step + ". What to remember ---"));
        out.println();
        String[][] lessons = {
            {"Anne Dubois est directrice faisant fonction (« Fonction de promotion » et présence physique cochées) :"
                    + " elle a un accès de direction.",
                "Anne Dubois is acting director (\"promotion function\" and physical presence checked): she has a"
                        + " director access."},
            {"Philippe Lambert, directeur en congé mission (présence physique décochée), n’a qu’un accès enseignant"
                    + " tant qu’il est en congé.",
                "Philippe Lambert, director on mission leave (physical presence unchecked), has a teacher access only"
                        + " while on leave."},
            {"Marie-Claire D’Hondt travaille dans les deux écoles, encodée « D’HONDT Marie-Claire » ici et « DHONDT"
                    + " MARIE CLAIRE » là : c’est la même personne, elle a un seul compte et a reçu une confirmation au"
                    + " lieu d’une seconde invitation.",
                "Marie-Claire D'Hondt works in both schools, typed \"D'HONDT Marie-Claire\" here and \"DHONDT MARIE"
                        + " CLAIRE\" there: the same person, one account, and a confirmation instead of a second invitation."},
            {"Marie-Claire D’Hondt s’est mariée : Saint-Joseph a encodé son nom d’épouse dans la même fiche (même"
                    + " identifiant). Le rapport dit « identité corrigée », l’extranet a corrigé son compte (le même compte,"
                    + " ses deux accès, un court avis par e-mail, pas de nouvelle invitation) et retient son ancien nom :"
                    + " Sainte-Marie, qui l’envoie encore, atteint le même compte et son rapport lui demande de vérifier le"
                    + " nom et la date de naissance, sans lui montrer ceux de l’autre école.",
                "Marie-Claire D'Hondt got married: Saint-Joseph typed her married name in the same record (same id)."
                        + " The report says \"identity corrected\", the extranet corrected her account (the same account,"
                        + " both accesses, a short notice by e-mail, no new invitation) and keeps her former name:"
                        + " Sainte-Marie, still sending it, reaches the same account and its report asks to check the name"
                        + " and birth date, without showing the other school's values."},
            {"Julie Martin, intérimaire, a terminé : sa présence administrative est décochée et sa date de sortie"
                    + " encodée, elle n’a pas d’accès dans l’école.",
                "Julie Martin, an interim, has finished: her administrative presence is unchecked and her exit date"
                        + " encoded, she has no access in the school."},
            {"Jan Peeters, intérimaire, a une date de sortie passée mais sa présence administrative est restée cochée :"
                    + " son accès reste actif et le rapport demande de décocher la présence.",
                "Jan Peeters, an interim, has an exit date in the past but his administrative presence is still checked:"
                        + " his access stays active and the report asks to uncheck the presence."},
            {"Sophie Renard n’a pas d’adresse e-mail, et Marc Gillet et Claire Henrard partagent celle du secrétariat :"
                    + " ces fiches ne sont pas envoyées tant qu’elles ne sont pas corrigées.",
                "Sophie Renard has no e-mail address, and Marc Gillet and Claire Henrard share the office's address:"
                        + " these records are not sent until they are fixed."},
            {"La date de naissance de Thi Lan Nguyen (31/02/1985) n’existe pas : sa fiche est à corriger, les autres"
                    + " sont passées.",
                "Thi Lan Nguyen's birth date (31/02/1985) does not exist: her record is to fix, the others went through."},
            {"Luc Van den Berghe a deux fiches : il n’est envoyé qu’une fois.",
                "Luc Van den Berghe has two records: he is sent once."},
            {"Le secrétariat, l’entretien et la puériculture (pas de fonction enseignante) ne sont jamais envoyés.",
                "Office, maintenance and childcare staff (no teaching function) are never sent."},
        };
        for (String[] lesson : lessons) {
            out.println("- " + l.t(lesson[0], lesson[1]));
        }
        out.println();
        out.println(l.t("Chaque message du rapport est expliqué dans docs/faq-fr.md ; pour brancher un logiciel d’école,"
                        + " voyez docs/integration.md.",
                "Every message of the report is explained in docs/faq-fr.md (French); to connect a school software,"
                        + " see docs/integration.md."));
    }
}
