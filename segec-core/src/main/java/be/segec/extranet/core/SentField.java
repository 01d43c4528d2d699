package be.segec.extranet.core;

import java.util.Locale;

/**
 * Every field a record carries on the wire, with its JSON name and why it is sent. The consent
 * disclosure is generated from this list and the wire format is tested against it, so the
 * school is never told less than what leaves it (data minimisation, domain rule "nothing more").
 */
public enum SentField {
    /** The record's id in the school software. */
    LOCAL_ID("localId",
            "l’identifiant de la fiche dans le logiciel de l’école, pour rapporter le résultat fiche par fiche",
            "the record's id in the school software, to report the result record by record"),
    /** ENSURE or DEACTIVATE. */
    ACTION("action",
            "l’action demandée : créer ou confirmer l’accès (ENSURE), ou le désactiver (DEACTIVATE)",
            "the action asked: create or confirm the access (ENSURE), or deactivate it (DEACTIVATE)"),
    /** The last name. */
    LAST_NAME("lastName",
            "le nom, pour qu’une personne n’ait qu’un seul compte même dans plusieurs écoles",
            "the last name, so that a person has one account even across schools"),
    /** The first name. */
    FIRST_NAME("firstName",
            "le prénom, pour la même raison",
            "the first name, for the same reason"),
    /** The birth date. */
    BIRTH_DATE("birthDate",
            "la date de naissance, pour distinguer deux personnes de même nom",
            "the birth date, to tell apart two people with the same name"),
    /** The e-mail address. */
    EMAIL("email",
            "l’adresse e-mail, par laquelle la personne reçoit les instructions de son compte",
            "the e-mail address, through which the person receives their account instructions"),
    /** TEACHER or DIRECTOR. */
    ROLE("role",
            "le rôle dans l’école : enseignant ou direction (fonction de promotion et présence physique)",
            "the role in the school: teacher or director (promotion function and physical presence)"),
    /** The extranet's account id, to designate a person whose identity changed or who vanished. */
    ACCOUNT_ID("accountId",
            "l’identifiant du compte que l’extranet a donné pour la personne : envoyé seul pour désactiver une personne"
                    + " disparue du logiciel ou partie alors que son nom ou sa date de naissance avaient changé, et avec la"
                    + " fiche quand son nom, son prénom ou sa date de naissance ont été corrigés, pour qu’elle garde son"
                    + " compte",
            "the account id the extranet gave for the person: sent alone to deactivate a person who vanished from the"
                    + " software or left while their names or birth date had changed, and with the record when their"
                    + " names or birth date were corrected, so that they keep their account");

    private final String jsonName;
    private final String purposeFr;
    private final String purposeEn;

    SentField(String jsonName, String purposeFr, String purposeEn) {
        this.jsonName = jsonName;
        this.purposeFr = purposeFr;
        this.purposeEn = purposeEn;
    }

    /** {@return the property name in the request JSON} */
    public String jsonName() {
        return jsonName;
    }

    /**
     * Why the field is sent, in French or English.
     *
     * @param locale English when its language is English, French otherwise (null included)
     * @return the reason, one sentence
     */
    public String purpose(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? purposeEn : purposeFr;
    }
}
