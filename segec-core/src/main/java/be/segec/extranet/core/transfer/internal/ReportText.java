package be.segec.extranet.core.transfer.internal;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.message.Echo;
import be.segec.extranet.core.message.Level;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.policy.ActionKind;
import be.segec.extranet.core.transfer.IdentityChange;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.core.transfer.ReportRecord;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Trigger;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link TransferReport} for a school secretary, in French or English: what happened in
 * one sentence, the counts, what to fix (rejected records), what to check (warnings), then the
 * rest briefly. Not part of the API.
 */
public final class ReportText {

    private final boolean en;
    private final Locale locale;
    private final StringBuilder sb = new StringBuilder(1024);

    private ReportText(Locale locale) {
        this.en = locale != null && locale.getLanguage().equals("en");
        this.locale = en ? Locale.ENGLISH : Locale.FRENCH;
    }

    public static String write(TransferReport report, Locale locale) {
        return new ReportText(locale).render(report);
    }

    private String t(String fr, String english) {
        return en ? english : fr;
    }

    /** "1 fiche", "2 fiches", "0 fiche" (French singular for 0 and 1). */
    private String n(long count, String frOne, String frMany, String enOne, String enMany) {
        boolean one = en ? count == 1 : count <= 1;
        return count + " " + (en ? (one ? enOne : enMany) : (one ? frOne : frMany));
    }

    private String render(TransferReport r) {
        sb.append(t("Transfert vers l’extranet du SeGEC — école ", "Transfer to the SeGEC extranet — school "))
                .append(r.school()).append(t(", année scolaire ", ", school year ")).append(r.schoolYear())
                .append(r.trigger() == Trigger.MANUAL ? t(" (lancé manuellement)", " (launched manually)")
                        : t(" (transfert automatique)", " (automatic transfer)")).append("\n\n");
        sb.append(headline(r)).append('\n');
        for (Message m : r.messages()) {
            if (m.level() != Level.INFO) {
                sb.append(m.text(locale)).append('\n');
                m.detailText(locale).ifPresent(d -> sb.append(t("Détail technique : ", "Technical detail: ")).append(d).append('\n'));
            }
        }
        counts(r);
        section(t("À corriger dans le logiciel de l’école (ces fiches n’ont pas été prises en compte) :",
                "To fix in the school software (these records were not taken):"), toFix(r));
        section(t("À vérifier :", "To check:"), toCheck(r));
        section(t("Pour information :", "For your information:"), forInformation(r));
        rest(r);
        if (r.requests() > 0) {
            sb.append('\n').append(t("Envoi : ", "Sent: ")).append(n(r.requests(), "requête", "requêtes", "request", "requests"))
                    .append(", ").append(size(r.bytesSent())).append(", ").append(seconds(r.durationMillis())).append(".\n");
        }
        return sb.toString();
    }

    private String headline(TransferReport r) {
        long rejections = r.rejections();
        switch (r.status()) {
            case COMPLETED:
                return t("Transfert réussi.", "Transfer completed.");
            case COMPLETED_WITH_REJECTIONS:
                return en ? "Transfer completed, but " + n(rejections, "", "", "record was", "records were")
                        + " not taken: see below what to fix."
                        : "Transfert effectué, mais " + (rejections <= 1 ? "1 fiche n’a pas pu être prise en compte"
                        : rejections + " fiches n’ont pas pu être prises en compte") + " : voir ci-dessous ce qu’il faut corriger.";
            case CONSENT_REQUIRED:
                return t("Rien n’a été envoyé : l’accord de l’école est nécessaire.",
                        "Nothing was sent: the school's consent is needed.");
            case FAILED:
                return t("Le transfert n’a pas abouti.", "The transfer did not complete.");
            case REFUSED:
                return r.sentCount() == 0 ? t("Refusé par l’extranet : rien n’a été pris en compte.", "Refused by the extranet: nothing was taken.")
                        : t("Refusé par l’extranet en cours de transfert : seul ce qui est confirmé ci-dessous a été pris en compte.",
                        "Refused by the extranet during the transfer: only what is confirmed below was taken.");
            case STOPPED_BY_GUARD:
                return t("Transfert arrêté par sécurité, avant tout envoi.", "Transfer stopped as a safeguard, before sending anything.");
            case DRY_RUN:
            default:
                return t("Simulation : rien n’a été envoyé ni enregistré. Voici ce que le transfert ferait.",
                        "Dry run: nothing was sent or recorded. This is what the transfer would do.");
        }
    }

    private void counts(TransferReport r) {
        if (r.status() == TransferStatus.CONSENT_REQUIRED) {
            return;
        }
        List<String> parts = new ArrayList<>();
        long sent = r.sentCount();
        if (sent > 0) {
            Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
            for (ReportRecord rec : r.records()) {
                rec.outcome().ifPresent(o -> byOutcome.merge(o, 1L, Long::sum));
            }
            List<String> detail = new ArrayList<>();
            byOutcome.forEach((o, c) -> detail.add(outcomeCount(o, c)));
            String who = stoppedPartWay(r)
                    ? n(sent, "personne confirmée par l’extranet avant l’arrêt", "personnes confirmées par l’extranet avant l’arrêt",
                    "person confirmed by the extranet before the stop", "people confirmed by the extranet before the stop")
                    : n(sent, "personne envoyée", "personnes envoyées", "person sent", "people sent");
            parts.add(who + " (" + String.join(", ", detail) + ")");
        }
        long planned = r.records().stream().filter(x -> !x.sent()
                && (x.action() == ActionKind.ENSURE || x.action() == ActionKind.DEACTIVATE)).count();
        if (planned > 0) {
            String what = r.status() == TransferStatus.FAILED
                    ? n(planned, "personne non confirmée par l’extranet (elle sera envoyée au prochain transfert)",
                    "personnes non confirmées par l’extranet (elles seront envoyées au prochain transfert)",
                    "person not confirmed by the extranet (will be sent by the next transfer)",
                    "people not confirmed by the extranet (will be sent by the next transfer)")
                    : r.status() == TransferStatus.REFUSED
                    ? n(planned, "personne qui serait envoyée une fois le jeton corrigé", "personnes qui seraient envoyées une fois le jeton corrigé",
                    "person who would be sent once the token is fixed", "people who would be sent once the token is fixed")
                    : n(planned, "personne à envoyer", "personnes à envoyer", "person to send", "people to send");
            parts.add(what);
        }
        long unchanged = r.count(ActionKind.UNCHANGED);
        if (unchanged > 0) {
            parts.add(n(unchanged, "personne inchangée depuis le dernier transfert", "personnes inchangées depuis le dernier transfert",
                    "person unchanged since the last transfer", "people unchanged since the last transfer"));
        }
        long rejected = r.rejections();
        if (rejected > 0) {
            parts.add(n(rejected, "fiche à corriger", "fiches à corriger", "record to fix", "records to fix"));
        }
        long ignored = r.count(ActionKind.IGNORED);
        if (ignored > 0) {
            parts.add(n(ignored, "fiche non concernée", "fiches non concernées", "record not concerned", "records not concerned"));
        }
        if (parts.isEmpty()) {
            parts.add(t("aucune fiche concernée", "no record concerned"));
        }
        String line = String.join(", ", parts);
        sb.append(Character.toUpperCase(line.charAt(0))).append(line.substring(1)).append(".\n");
    }

    private String outcomeCount(Outcome o, long c) {
        switch (o) {
            case INVITED: return n(c, "compte créé", "comptes créés", "account created", "accounts created");
            case CONFIRMED: return n(c, "accès confirmé", "accès confirmés", "access confirmed", "accesses confirmed");
            case REACTIVATED: return n(c, "accès réactivé", "accès réactivés", "access reactivated", "accesses reactivated");
            case UPDATED: return n(c, "mise à jour", "mises à jour", "update", "updates");
            case DEACTIVATED: return n(c, "accès désactivé", "accès désactivés", "access deactivated", "accesses deactivated");
            case UNCHANGED: return n(c, "déjà à jour", "déjà à jour", "already up to date", "already up to date");
            case CONFLICT:
            default: return n(c, "refus de l’extranet", "refus de l’extranet", "refusal by the extranet", "refusals by the extranet");
        }
    }

    private List<String> toFix(TransferReport r) {
        List<String> out = new ArrayList<>();
        for (ReportRecord rec : r.records()) {
            if (rec.isRejection()) {
                for (Message m : ReportMessages.of(rec)) {
                    if (m.level() == Level.ERROR) {
                        out.add(textAndDetail(m));
                    }
                }
            }
        }
        return out;
    }

    private List<String> toCheck(TransferReport r) {
        List<String> out = new ArrayList<>();
        for (ReportRecord rec : r.records()) {
            for (Message m : ReportMessages.of(rec)) {
                if (m.level() == Level.WARNING || m.level() == Level.ERROR && !rec.isRejection()) {
                    out.add(textAndDetail(m));
                }
            }
        }
        return out;
    }

    private List<String> forInformation(TransferReport r) {
        List<String> out = new ArrayList<>();
        for (Message m : r.messages()) {
            if (m.level() == Level.INFO && m.code() != MessageCode.DRY_RUN) {
                out.add(m.text(locale));
            }
        }
        List<String> notConcerned = new ArrayList<>();
        for (ReportRecord rec : r.records()) {
            if (rec.action() == ActionKind.IGNORED && !rec.has(Level.WARNING)) {
                notConcerned.add(name(rec));
            }
        }
        if (!notConcerned.isEmpty()) {
            out.add(t("Non concerné(e)s (pas de fonction enseignante ni de fonction de promotion cette année,"
                    + " ou sorti(e)s avant le début de l’année scolaire) : ", "Not concerned (no teaching or promotion"
                    + " function this year, or left before the school year started): ") + String.join(", ", notConcerned) + ".");
        }
        return out;
    }

    /** The sent (or planned) records, one short line each. */
    private void rest(TransferReport r) {
        List<String> lines = new ArrayList<>();
        boolean planned = r.status() == TransferStatus.DRY_RUN || r.status() == TransferStatus.STOPPED_BY_GUARD
                || r.status() == TransferStatus.REFUSED;
        for (ReportRecord rec : r.records()) {
            if (rec.sent() && !rec.isRejection()) {
                lines.add(name(rec) + role(rec) + colon()
                        + rec.identityChange().map(c -> identityChange(rec, c, true)).orElseGet(() -> outcomeLabel(rec)));
            } else if (planned && (rec.action() == ActionKind.ENSURE || rec.action() == ActionKind.DEACTIVATE)) {
                lines.add(name(rec) + role(rec) + colon() + rec.identityChange().map(c -> identityChange(rec, c, false))
                        .orElseGet(() -> rec.action() == ActionKind.ENSURE
                        ? t("accès à créer ou confirmer", "access to create or confirm")
                        : t("accès à désactiver", "access to deactivate")));
            }
        }
        section(planned ? t("Ce que le transfert enverrait :", "What the transfer would send:")
                : stoppedPartWay(r) ? t("Confirmé par l’extranet avant l’arrêt :", "Confirmed by the extranet before the stop:")
                : t("Détail des envois :", "What was sent:"), lines);
    }

    /** A record's message, its technical detail (the extranet's own words) on an indented line of its own. */
    private String textAndDetail(Message m) {
        return m.text(locale) + m.detailText(locale).map(d -> "\n  " + t("Détail technique : ", "Technical detail: ") + d).orElse("");
    }

    /** A run that ended before everything was sent: only what the extranet answered counts as done. */
    private static boolean stoppedPartWay(TransferReport r) {
        return r.status() == TransferStatus.FAILED || r.status() == TransferStatus.REFUSED;
    }

    /** "DUPONT Marie (id 42)", every part echoed (control characters escaped, cut). */
    private String name(ReportRecord rec) {
        String name = (Echo.value(rec.lastName().strip(), locale) + " " + Echo.value(rec.firstName().strip(), locale)).strip();
        return rec.localId().isEmpty() ? name : name + " (id " + Echo.value(rec.localId(), locale) + ")";
    }

    /**
     * « identité corrigée : Dubois Anne → Lambert Anne » once the extranet took it; what it
     * would do when nothing was sent.
     */
    private String identityChange(ReportRecord rec, IdentityChange c, boolean done) {
        String now = (Echo.value(rec.lastName().strip(), locale) + " " + Echo.value(rec.firstName().strip(), locale)).strip();
        String names = Echo.value(c.previousName(), locale) + " → " + now;
        String what;
        switch (c.variant()) {
            case 1:
                what = (done ? t("date de naissance corrigée : ", "birth date corrected: ")
                        : t("date de naissance à corriger : ", "birth date to correct: ")) + now;
                break;
            case 2:
                what = (done ? t("identité corrigée : ", "identity corrected: ") : t("identité à corriger : ", "identity to correct: "))
                        + names + t(", date de naissance comprise", ", birth date included");
                break;
            default:
                what = (done ? t("identité corrigée : ", "identity corrected: ") : t("identité à corriger : ", "identity to correct: "))
                        + names;
        }
        return what + (done ? t(" (même compte, mêmes accès)", " (same account, same accesses)")
                : t(" (même compte)", " (same account)"));
    }

    private String role(ReportRecord rec) {
        if (rec.action() != ActionKind.ENSURE || rec.role().isEmpty()) {
            return "";
        }
        return rec.role().get() == Role.DIRECTOR ? t(", direction", ", director") : t(", enseignant(e)", ", teacher");
    }

    private String colon() {
        return en ? ": " : " : ";
    }

    private String outcomeLabel(ReportRecord rec) {
        Outcome o = rec.outcome().orElseThrow();
        if (o == Outcome.UNCHANGED && rec.action() == ActionKind.DEACTIVATE) {
            return t("aucun accès actif dans l’école sur l’extranet, rien à désactiver",
                    "no active access in this school on the extranet, nothing to deactivate");
        }
        switch (o) {
            case INVITED: return t("compte créé, invitation envoyée par e-mail", "account created, invitation e-mailed");
            case CONFIRMED: return t("accès ajouté à son compte existant, confirmation envoyée par e-mail",
                    "access added to the existing account, confirmation e-mailed");
            case REACTIVATED: return t("accès réactivé, confirmation envoyée par e-mail", "access reactivated, confirmation e-mailed");
            case UPDATED: return t("mis à jour (adresse e-mail, rôle ou identité)", "updated (e-mail address, role or identity)");
            case DEACTIVATED: return t("accès dans l’école désactivé (le compte reste valable ailleurs)",
                    "access in this school deactivated (the account stays valid elsewhere)");
            case UNCHANGED: return t("déjà à jour sur l’extranet", "already up to date on the extranet");
            case CONFLICT:
            default: return t("refusé par l’extranet", "refused by the extranet");
        }
    }

    private void section(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        sb.append('\n').append(title).append('\n');
        for (String l : lines) {
            sb.append("- ").append(l).append('\n');
        }
    }

    /** 280 octets, 368 ko, 1,5 Mo: a size a person reads at a glance, never "0 ko" for bytes that went out. */
    private String size(long bytes) {
        if (bytes < 1024) {
            return n(bytes, "octet", "octets", "byte", "bytes");
        }
        if (bytes < 1024L * 1024) {
            return Math.round(bytes / 1024.0) + t(" ko", " KB");
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        return f.format(bytes / (1024.0 * 1024)) + t(" Mo", " MB");
    }

    private String seconds(long millis) {
        if (millis < 1000) {
            return t("en moins d’une seconde", "in less than a second");
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(1);
        return t("en ", "in ") + f.format(millis / 1000.0) + " s";
    }
}
