package be.segec.extranet.core.consent;

import be.segec.extranet.core.internal.Digests;
import be.segec.extranet.core.SentField;
import java.util.Locale;
import java.util.Objects;

/**
 * The text a school reads before it agrees to the transfer: exactly the fields sent (generated
 * from {@link SentField}, the list the wire format is tested against, so it can never claim less
 * than what is sent), the recipient, the purpose, the frequency and how to withdraw. French and
 * English. The text is versioned; a decision taken on another version or another text counts as
 * undecided, so a new version asks again. Immutable and thread-safe.
 */
public final class TransferDisclosure {

    /**
     * The version of the current text; raise it whenever the wording changes. 2026-2: the account
     * id also travels with a corrected identity, and the extranet keeps former identities (domain rule 10).
     */
    public static final String CURRENT_VERSION = "2026-2";

    private static final TransferDisclosure CURRENT = new TransferDisclosure(CURRENT_VERSION);

    private final String version;
    private final String french;
    private final String english;
    private final String sha256;

    private TransferDisclosure(String version) {
        this.version = version;
        this.french = french(version);
        this.english = english(version);
        this.sha256 = Digests.sha256Hex("fr\n" + french + "\nen\n" + english);
    }

    /** {@return the text in force} */
    public static TransferDisclosure current() {
        return CURRENT;
    }

    /** The same generated text under another version id (to test that a new version asks again). */
    static TransferDisclosure withVersion(String version) {
        Objects.requireNonNull(version, "version");
        if (version.isBlank()) {
            throw new IllegalArgumentException("version is blank");
        }
        return new TransferDisclosure(version);
    }

    /** {@return the text's version, kept with each decision} */
    public String version() {
        return version;
    }

    /**
     * The text in French (the default) or English ({@code Locale.ENGLISH}).
     *
     * @param locale the reader's language
     * @return the text
     */
    public String text(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? english : french;
    }

    /** {@return the SHA-256 (hex) of both texts exactly as shown, kept with each decision} */
    public String sha256() {
        return sha256;
    }

    private static String french(String version) {
        Locale fr = Locale.FRENCH;
        StringBuilder sb = new StringBuilder();
        sb.append("Transfert du personnel vers l’extranet du SeGEC — information et autorisation (texte version ")
                .append(version).append(")\n\n");
        sb.append("Pourquoi\n");
        sb.append("Le logiciel de l’école transmet à l’extranet du SeGEC (Secrétariat général de l’Enseignement")
                .append(" catholique) les membres du personnel enseignant et la direction de l’année scolaire en cours,")
                .append(" pour que chacun reçoive un compte et un accès à l’extranet pour cette école, et perde cet")
                .append(" accès en quittant l’école. Le compte lui-même reste utilisable dans ses autres écoles.\n\n");
        sb.append("Données envoyées pour chaque personne concernée, et pourquoi\n");
        for (SentField f : SentField.values()) {
            sb.append("- ").append(f.purpose(fr)).append(" (").append(f.jsonName()).append(")\n");
        }
        sb.append("Rien d’autre ne quitte l’école : ni adresse, ni téléphone, ni numéro national, ni données")
                .append(" de salaire. Le personnel sans fonction enseignante ni fonction de promotion n’est pas envoyé.\n\n");
        sb.append("Destinataire\n");
        sb.append("L’extranet du SeGEC, seul destinataire. Il garde un seul compte par personne, même si elle")
                .append(" travaille dans plusieurs écoles, et envoie à la personne les instructions de son compte par e-mail.")
                .append(" Quand une école corrige le nom, le prénom ou la date de naissance d’une personne, l’extranet")
                .append(" corrige son compte, l’en avertit par un court e-mail et garde l’identité précédente, pour que")
                .append(" les autres écoles qui l’envoient encore retrouvent le même compte.\n\n");
        sb.append("Quand\n");
        sb.append("Une fois l’accord donné, le transfert se fait automatiquement plusieurs fois par semaine,")
                .append(" et chaque fois qu’il est lancé manuellement depuis le logiciel de l’école. Seuls les")
                .append(" changements sont envoyés, sauf au premier transfert de chaque année scolaire.\n\n");
        sb.append("Retirer l’accord\n");
        sb.append("À tout moment : lors d’un lancement manuel, refusez le transfert, ou utilisez la commande")
                .append(" « segec consent refuse ». Les transferts automatiques s’arrêtent alors. Pour les reprendre,")
                .append(" lancez le transfert manuellement en cochant la case d’autorisation.\n");
        return sb.toString();
    }

    private static String english(String version) {
        Locale en = Locale.ENGLISH;
        StringBuilder sb = new StringBuilder();
        sb.append("Staff transfer to the SeGEC extranet — information and consent (text version ")
                .append(version).append(")\n\n");
        sb.append("Why\n");
        sb.append("The school software sends the SeGEC extranet (Secrétariat général de l’Enseignement catholique)")
                .append(" the teaching staff and the director of the current school year, so that each of them gets")
                .append(" an account and an access to the extranet for this school, and loses that access on leaving")
                .append(" the school. The account itself remains usable in their other schools.\n\n");
        sb.append("Data sent for each person concerned, and why\n");
        for (SentField f : SentField.values()) {
            sb.append("- ").append(f.purpose(en)).append(" (").append(f.jsonName()).append(")\n");
        }
        sb.append("Nothing else leaves the school: no address, no phone number, no national number, no salary")
                .append(" data. Staff without a teaching or promotion function are not sent.\n\n");
        sb.append("Recipient\n");
        sb.append("The SeGEC extranet, and only it. It keeps one account per person, even one who works in")
                .append(" several schools, and e-mails the person their account instructions. When a school corrects")
                .append(" a person's names or birth date, the extranet corrects the account, tells the person by a short")
                .append(" e-mail and keeps the previous identity, so that other schools still sending it find the same")
                .append(" account.\n\n");
        sb.append("When\n");
        sb.append("Once agreed, the transfer runs automatically several times a week, and whenever it is")
                .append(" launched manually from the school software. Only changes are sent, except on the first")
                .append(" transfer of each school year.\n\n");
        sb.append("Withdrawing consent\n");
        sb.append("At any time: refuse the transfer when launching it manually, or use the command")
                .append(" \"segec consent refuse\". Automatic transfers then stop. To resume them, launch the")
                .append(" transfer manually and tick the consent box.\n");
        return sb.toString();
    }

    @Override
    public String toString() {
        return "TransferDisclosure[" + version + ", sha256=" + sha256 + "]";
    }
}
