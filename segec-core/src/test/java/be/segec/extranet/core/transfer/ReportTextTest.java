package be.segec.extranet.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The text report reads as a secretary needs it: summary, what to fix, what to check, then the rest briefly. */
class ReportTextTest {

    @Test
    void theFrenchReportOfASampleSchool() throws IOException {
        Engines e = new Engines(new FakeExtranet()).granted();
        TransferReport report = SampleSchool.runRich(e);
        String fr = report.toText(Locale.FRENCH);
        // Kept for people to read (target/report-samples), not compared.
        Path out = Path.of("target", "report-samples");
        Files.createDirectories(out);
        Files.writeString(out.resolve("sample-fr.txt"), fr, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("sample-en.txt"), report.toText(Locale.ENGLISH), StandardCharsets.UTF_8);

        assertThat(fr.lines().findFirst().orElseThrow())
                .isEqualTo("Transfert vers l’extranet du SeGEC — école 1234, année scolaire 2026-2027 (lancé manuellement)");
        assertThat(fr).contains("Transfert effectué, mais 4 fiches n’ont pas pu être prises en compte")
                .contains("7 personnes envoyées (2 comptes créés, 1 accès confirmé, 1 mise à jour, 2 accès désactivés, 1 refus de l’extranet)")
                .contains("5 personnes inchangées depuis le dernier transfert, 4 fiches à corriger, 1 fiche non concernée.");
        int fix = fr.indexOf("À corriger dans le logiciel de l’école");
        int check = fr.indexOf("À vérifier :");
        int info = fr.indexOf("Pour information :");
        int sent = fr.indexOf("Détail des envois :");
        assertThat(fix).isPositive().isLessThan(check);
        assertThat(check).isLessThan(info);
        assertThat(info).isLessThan(sent);
        String toFix = fr.substring(fix, check);
        assertThat(toFix).contains("- De Smet Pieter (id 70) : pas d’adresse e-mail.")
                .contains("- Martin Sophie (id 71) : l’adresse e-mail « secretariat@ecole.be » est aussi celle de Leroy Julie (id 72).")
                .contains("- Lambert Kevin (id 75) : l’extranet a refusé la fiche : l’adresse e-mail « k.lambert@ecole.be »");
        String toCheck = fr.substring(check, info);
        assertThat(toCheck).contains("- Janssens Ann (id 50) : envoyé(e) lors d’un transfert précédent mais absent(e) du logiciel")
                .contains("- Peeters Jan (id 23) : la présence administrative est décochée mais aucune date de sortie")
                .contains("- Wouters Emma (id 76) : la date de sortie (30/09/2026) est passée");
        assertThat(fr.substring(info, sent)).contains("Hermans Guy (id 80)");
        assertThat(fr.substring(sent)).contains("- Claes Thomas (id 73), enseignant(e) : compte créé, invitation envoyée par e-mail")
                .contains("- Jacobs Nathalie (id 74), enseignant(e) : accès ajouté à son compte existant")
                .contains("- Janssens Ann (id 50) : accès dans l’école désactivé")
                .contains("Envoi : 1 requête, ").doesNotContain("Dupont Marie");
        assertThat(fr).doesNotContain("null").doesNotContain("{").doesNotContain("1980-05-12");
    }

    @Test
    void theEnglishReportIsEnglish() {
        Engines e = new Engines(new FakeExtranet()).granted();
        String en = SampleSchool.runRich(e).toText(Locale.ENGLISH);
        assertThat(en).startsWith("Transfer to the SeGEC extranet — school 1234, school year 2026-2027 (launched manually)")
                .contains("To fix in the school software").contains("To check:").contains("What was sent:")
                .contains("- Claes Thomas (id 73), teacher: account created, invitation e-mailed")
                .doesNotContain("À corriger").doesNotContain("Détail des envois");
    }

    @Test
    void eachStatusSaysWhatHappenedInItsFirstSentence() {
        Engines pending = new Engines(new FakeExtranet());
        assertThat(pending.runAutomatic(SampleSchool.before()).toText(Locale.FRENCH))
                .contains("Rien n’a été envoyé : l’accord de l’école est nécessaire.")
                .contains("L’école n’a pas encore donné son accord").contains("(transfert automatique)");

        Engines e = new Engines(new FakeExtranet()).granted();
        e.run(SampleSchool.before());
        String guard = e.run(SampleSchool.before().subList(0, 1)).toText(Locale.FRENCH);
        assertThat(guard).contains("Transfert arrêté par sécurité, avant tout envoi.").contains("Transfert arrêté avant tout envoi : il désactiverait 7 accès sur 8")
                .contains("Ce que le transfert enverrait :").contains("accès à désactiver")
                .contains("son accès dans l’école serait désactivé").doesNotContain("est désactivé");

        String dry = e.transfer.run(TransferRun.builder(Engines.SCHOOL, SampleSchool::after).dryRun(true).build()).toText(Locale.FRENCH);
        assertThat(dry).contains("Simulation : rien n’a été envoyé ni enregistré.").contains("accès à créer ou confirmer")
                .doesNotContain("Envoi :");

        FakeExtranet failing = new FakeExtranet(3);
        Engines f = new Engines(failing).granted();
        failing.failOnRequest(2);
        String failed = f.run(SampleSchool.before()).toText(Locale.FRENCH);
        assertThat(failed).contains("Le transfert n’a pas abouti.").contains("\nDétail technique : 503 UNAVAILABLE")
                .doesNotContain("abouti (").contains("3 personnes confirmées par l’extranet avant l’arrêt (3 comptes créés)")
                .contains("5 personnes non confirmées par l’extranet (elles seront envoyées au prochain transfert)")
                .contains("Confirmé par l’extranet avant l’arrêt :").doesNotContain("Détail des envois")
                .contains("Envoi : 1 requête, ");

        assertThat(new Engines(new FakeExtranet()).granted().run(SampleSchool.before().subList(0, 1)).toText(Locale.FRENCH))
                .contains("Transfert réussi.").contains("1 personne envoyée (1 compte créé)");
    }
}
