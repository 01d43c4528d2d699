package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code segec demo}: the newcomer's first command tells the whole story and exits 0. */
class DemoCommandTest {

    @Test
    void theFrenchDemoTellsTheStoryAndExits0() {
        Cli.Result r = new Cli().run("demo");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains(
                "Démonstration",
                "École fondamentale Saint-Joseph (FASE 4321)",
                "Accord donné par Démo le 15/10/2026",
                "DUBOIS Anne (id 101), direction : compte créé, invitation envoyée par e-mail",
                "LAMBERT Philippe (id 102) : la fonction de promotion est cochée mais la présence physique ne l’est pas",
                "PEETERS Jan (id 105) : la date de sortie (30/09/2026) est passée",
                "RENARD Sophie (id 106) : pas d’adresse e-mail",
                "secretariat@saint-joseph.example",
                "« 31/02/1985 » n’est pas lisible (ligne 15)",
                "identifiants 112 et 113",
                "LEROY Nadine (id 109)",
                "DHONDT MARIE CLAIRE (id S-02), enseignant(e) : accès ajouté à son compte existant",
                "27 comptes",
                "Un seul compte pour deux écoles : LAMBERT Marie-Claire",
                "27 invitations",
                "1 confirmation",
                "Ce qu’il faut retenir");
        assertThat(r.out()).doesNotContain("28 comptes").doesNotContain("absente du logiciel")
                .doesNotContain("appartient déjà à une autre personne");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theFrenchDemoTellsAMarriageInOneSchoolAndTheWarningInTheOther() {
        Cli.Result r = new Cli().run("demo");
        assertThat(r.code()).as(r.toString()).isZero();
        String out = r.out();
        int third = out.indexOf("--- 3. Un mois plus tard (16/11/2026) : Marie-Claire D’Hondt s’est mariée");
        int fourth = out.indexOf("--- 4. Le même jour, « Institut Sainte-Marie » n’a pas encore changé son nom");
        int extranet = out.indexOf("--- 5. Ce que l’extranet contient maintenant");
        int lessons = out.indexOf("--- 6. Ce qu’il faut retenir");
        assertThat(List.of(third, fourth, extranet, lessons)).as(out).doesNotContain(-1).isSorted();

        String saintJoseph = out.substring(third, fourth);
        assertThat(saintJoseph).contains("école 4321",
                "LAMBERT Marie-Claire (id 103), enseignant(e) : identité corrigée : D'HONDT Marie-Claire → LAMBERT Marie-Claire",
                "1 personne envoyée (1 mise à jour)");
        String sainteMarie = out.substring(fourth, extranet);
        assertThat(sainteMarie).contains("école 5678",
                "DHONDT MARIE CLAIRE (id S-02) : l’extranet connaît cette personne sous une identité (nom, prénom ou date de naissance) qui a été corrigée depuis",
                "vérifiez avec elle le nom, le prénom et la date de naissance")
                .doesNotContain("LAMBERT").doesNotContain("identité corrigée :");

        String holds = out.substring(extranet, lessons);
        assertThat(holds).contains("27 comptes",
                "Identité corrigée : LAMBERT Marie-Claire garde son compte ; l’extranet retient son ancienne identité"
                        + " « DHONDT MARIE CLAIRE » (un alias)",
                "29 e-mails envoyés par l’extranet",
                "- 1 avis de changement d’identité : nom ou date de naissance corrigés par une école, même compte, pas de"
                        + " nouvelle invitation\n    LAMBERT Marie-Claire → marieclaire.dhondt@mail.example")
                .doesNotContain("changement d’adresse e-mail");
        assertThat(holds.lines().filter(l -> l.startsWith("- Enseignants"))).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("LAMBERT Marie-Claire").doesNotContain("HONDT"));
        assertThat(out.substring(lessons)).contains("Marie-Claire D’Hondt s’est mariée");
        assertThat(r.out()).doesNotContain("demo-");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theEnglishDemoToo() {
        Cli.Result r = new Cli().run("demo", "--lang", "en");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Demo: the staff transfer", "Consent given by Démo", "What the extranet holds now",
                "One account for two schools", "What to remember",
                "--- 3. A month later (16/11/2026): Marie-Claire D'Hondt got married",
                "identity corrected: D'HONDT Marie-Claire → LAMBERT Marie-Claire",
                "--- 4. The same day, \"Institut Sainte-Marie\" has not changed her name yet",
                "Identity corrected: LAMBERT Marie-Claire keeps her account",
                "1 identity change notice: names or birth date corrected by a school, same account, no new invitation",
                "Marie-Claire D'Hondt got married");
        assertThat(r.out()).doesNotContain("e-mail address change").doesNotContain("changement d’identité");
    }

    @Test
    void theStoryMatchesWhatTheExtranetHolds() {
        String out = new Cli().run("demo").out();
        String saintJoseph = out.substring(out.indexOf("École fondamentale Saint-Joseph (FASE 4321)\n- Direction"));
        String directors = saintJoseph.lines().filter(l -> l.startsWith("- Direction")).findFirst().orElseThrow();
        String teachers = saintJoseph.lines().filter(l -> l.startsWith("- Enseignants")).findFirst().orElseThrow();
        assertThat(directors).contains("DUBOIS Anne").doesNotContain("LAMBERT");
        assertThat(teachers).contains("LAMBERT Philippe", "PEETERS Jan", "VAN DEN BERGHE Luc")
                .doesNotContain("MARTIN Julie", "RENARD", "GILLET", "HENRARD", "NGUYEN", "LEROY", "FONTAINE Marcel", "BODART",
                        "JACOBS", "Vandenberghe");
    }
}
