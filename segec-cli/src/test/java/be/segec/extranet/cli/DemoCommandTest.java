package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
                "Un seul compte pour deux écoles : DHONDT MARIE CLAIRE",
                "27 invitations",
                "1 confirmation",
                "Ce qu’il faut retenir");
        assertThat(r.out()).doesNotContain("demo-");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theEnglishDemoToo() {
        Cli.Result r = new Cli().run("demo", "--lang", "en");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Demo: the staff transfer", "Consent given by Démo", "What the extranet holds now",
                "One account for two schools", "What to remember");
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
