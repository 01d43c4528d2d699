package be.segec.extranet.testkit.internal;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.transfer.Outcome;
import be.segec.extranet.testkit.Account;
import be.segec.extranet.testkit.Membership;
import be.segec.extranet.testkit.OutboxMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake extranet's data: accounts (one per identity key, with their former identities as
 * aliases), their accesses, the outbox and the transfers already answered (the idempotency store). Every change happens under one fair lock, so a
 * delivery is atomic (its idempotency check, its effects and its stored answer go together) and
 * deliveries apply in the order they reach it: their arrival order, unless a Delay fault held one.
 */
public final class Extranet {

    /** What became of one delivery. */
    public sealed interface Delivery permits Applied, Replayed, IdempotencyConflict, Invalid, Expired {
    }

    /** Processed now; {@code body} is the 200 answer. */
    public record Applied(byte[] body) implements Delivery {
    }

    /** Seen before with the same content: the first answer again, no effect. */
    public record Replayed(byte[] body) implements Delivery {
    }

    /** Seen before in this school with other content. */
    public record IdempotencyConflict() implements Delivery {
    }

    /** Records break the protocol's rules: nothing done. */
    public record Invalid(List<Problems.RecordError> errors) implements Delivery {
    }

    /**
     * Its turn came after its apply-within deadline (the {@code Segec-Apply-Within} header): not
     * applied, nothing stored, so a retry with the same transfer id is processed as new.
     */
    public record Expired() implements Delivery {
    }

    /**
     * An answered transfer: a SHA-256 of its content (school year and records as parsed, which
     * {@code ProtocolHandler} builds in a fixed field order, so equal contents give equal bytes)
     * and its answer. Not the content itself: a server that a whole network transfers to keeps
     * thousands of answered transfers, and their trees would fill its heap (docs/performance.md).
     */
    private record Stored(byte[] contentDigest, byte[] answer) {
    }

    private static byte[] digest(JsonNode content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(ServerJson.mapper().writeValueAsBytes(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** One outcome with what it says. */
    private record Result(String localId, Outcome outcome, Optional<String> accountId, Optional<String> code,
                          Optional<String> message) {
    }

    /** The result codes of docs/protocol.md with their messages (French, as every result message). */
    private enum Code {
        EMAIL_TAKEN("Cette adresse e-mail appartient déjà à une autre personne"),
        IDENTITY_TAKEN("Cette identité est déjà celle d'un autre compte : rien n'a été modifié"),
        ACCOUNT_NOT_IN_SCHOOL("Ce compte n'a pas d'accès dans cette école"),
        IDENTITY_UPDATED("Identité mise à jour"),
        FORMER_IDENTITY("La personne est connue de l'extranet sous une identité corrigée : vérifiez le nom et la date"
                + " de naissance");

        final String message;

        Code(String message) {
            this.message = message;
        }
    }

    /** A school's local id of a record: the key of the memberships' local id index. */
    private record SchoolLocalId(SchoolId school, String localId) {
    }

    private static final class AccountState {
        final String id;
        IdentityKey key;
        String lastName;
        String firstName;
        LocalDate birthDate;
        String email;
        final List<MembershipState> memberships = new ArrayList<>();
        /** The former identities by key, oldest first. */
        final Map<IdentityKey, Account.Alias> aliases = new LinkedHashMap<>();
        /**
         * The local id last sent for this account's memberships, by school: a school that lost its
         * state folder sends a corrected identity without the account id, and is recognised by it.
         */
        final Map<SchoolId, String> localIds = new HashMap<>();

        AccountState(String id, IdentityKey key, String lastName, String firstName, LocalDate birthDate, String email) {
            this.id = id;
            this.key = key;
            this.lastName = lastName;
            this.firstName = firstName;
            this.birthDate = birthDate;
            this.email = email;
        }

        Optional<MembershipState> find(SchoolId school, SchoolYear year) {
            return memberships.stream().filter(m -> m.school.equals(school) && m.year.equals(year)).findFirst();
        }

        /** Whether this account has (or had) an access in {@code school}. */
        boolean knownIn(SchoolId school) {
            return memberships.stream().anyMatch(m -> m.school.equals(school));
        }

        Account snapshot() {
            List<Membership> list = new ArrayList<>();
            for (MembershipState m : memberships) {
                list.add(new Membership(m.school, m.year, m.role, m.active));
            }
            list.sort(Comparator.comparing(Membership::school).thenComparing(Membership::schoolYear));
            return new Account(id, lastName, firstName, birthDate, email, list, List.copyOf(aliases.values()));
        }
    }

    private static final class MembershipState {
        final SchoolId school;
        final SchoolYear year;
        Role role;
        boolean active;

        MembershipState(SchoolId school, SchoolYear year, Role role) {
            this.school = school;
            this.year = year;
            this.role = role;
            this.active = true;
        }
    }

    /** Fair: waiting deliveries get it in the order they asked, so a school's requests apply in arrival order. */
    private final ReentrantLock lock = new ReentrantLock(true);
    /** Current identity key → account. */
    private final Map<IdentityKey, AccountState> byKey = new HashMap<>();
    /** Former identity key (alias) → account; never a key of {@link #byKey}. */
    private final Map<IdentityKey, AccountState> byAlias = new HashMap<>();
    private final Map<String, AccountState> byId = new LinkedHashMap<>();
    /** Lower-cased e-mail → the account that owns it. */
    private final Map<String, AccountState> byEmail = new HashMap<>();
    /** (school, local id) → the account whose memberships in that school last received that local id. */
    private final Map<SchoolLocalId, AccountState> byLocalId = new HashMap<>();
    private final List<OutboxMessage> outbox = new ArrayList<>();
    /** Answered transfers by "fase/transferId": the idempotency key is scoped to the school. */
    private final Map<String, Stored> transfers = new HashMap<>();
    private int lastId;

    /**
     * Delivers one parsed transfer for {@code school}: a replay, an idempotency conflict, a 422, an
     * expired request, or its effects and answer, atomically.
     *
     * @param content        what makes two deliveries "the same": the school year and the records' known properties
     * @param deadlineNanos  the {@link System#nanoTime()} after which the transfer must not be applied any more
     *                       (its arrival plus its apply-within); checked once the lock is held, just before applying
     */
    Delivery deliver(SchoolId school, JsonNode content, ParsedTransfer transfer, long deadlineNanos) {
        Objects.requireNonNull(school, "school");
        String key = school.fase() + "/" + transfer.transferId();
        byte[] contentDigest = digest(content); // outside the lock: other schools' requests need not wait for it
        lock.lock();
        try {
            Stored stored = transfers.get(key);
            if (stored != null) {
                return java.security.MessageDigest.isEqual(stored.contentDigest, contentDigest)
                        ? new Replayed(stored.answer) : new IdempotencyConflict();
            }
            if (!transfer.errors().isEmpty()) {
                return new Invalid(transfer.errors());
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                return new Expired();
            }
            List<Result> results = new ArrayList<>(transfer.records().size());
            for (ParsedRecord r : transfer.records()) {
                results.add(r.ensure() ? ensure(school, transfer.schoolYear(), r) : deactivate(school, r));
            }
            byte[] answer = render(transfer, school, results);
            transfers.put(key, new Stored(contentDigest, answer));
            return new Applied(answer);
        } finally {
            lock.unlock();
        }
    }

    /**
     * An ENSURE: by the account id of a correction; otherwise by the identity key as the current key,
     * then as a former identity, then (unknown key) by this school's local id, the correction of a
     * school that lost its state folder; else a new account.
     */
    private Result ensure(SchoolId school, SchoolYear year, ParsedRecord r) {
        if (r.accountId().isPresent()) {
            return correct(school, year, r, r.accountId().get());
        }
        IdentityKey key = r.key().orElseThrow();
        AccountState current = byKey.get(key);
        if (current != null) {
            return ensureOn(current, school, year, r, false);
        }
        AccountState former = byAlias.get(key);
        if (former != null) {
            return ensureOn(former, school, year, r, true);
        }
        AccountState sameLocalId = byLocalId.get(new SchoolLocalId(school, r.localId()));
        if (sameLocalId != null) {
            return rename(sameLocalId, school, year, r);
        }
        return create(school, year, r);
    }

    /** An ENSURE carrying the account id its identity was acknowledged under (domain rule 10). */
    private Result correct(SchoolId school, SchoolYear year, ParsedRecord r, String accountId) {
        AccountState account = byId.get(accountId);
        if (account == null || !account.knownIn(school)) {
            // a school acts only on its own memberships, and does not learn whether the id exists
            return conflict(r, Optional.empty(), Code.ACCOUNT_NOT_IN_SCHOOL);
        }
        IdentityKey key = r.key().orElseThrow();
        if (key.equals(account.key)) {
            return ensureOn(account, school, year, r, false);
        }
        AccountState other = byKey.containsKey(key) ? byKey.get(key) : byAlias.get(key);
        if (other != null && other != account) {
            // nothing is merged: that is a decision for SeGEC's support
            return conflict(r, Optional.of(account.id), Code.IDENTITY_TAKEN);
        }
        return rename(account, school, year, r);
    }

    private Result create(SchoolId school, SchoolYear year, ParsedRecord r) {
        String email = r.email().orElseThrow();
        if (byEmail.containsKey(lower(email))) {
            return conflict(r, Optional.empty(), Code.EMAIL_TAKEN);
        }
        IdentityKey key = r.key().orElseThrow();
        AccountState account = new AccountState(String.format(Locale.ROOT, "A%06d", ++lastId), key, r.lastName().orElseThrow(),
                r.firstName().orElseThrow(), r.birthDate().orElseThrow(), email);
        account.memberships.add(new MembershipState(school, year, r.role().orElseThrow()));
        byKey.put(key, account);
        byId.put(account.id, account);
        byEmail.put(lower(email), account);
        recordLocalId(account, school, r.localId());
        outbox.add(new OutboxMessage(email, OutboxMessage.Kind.INVITATION, account.id));
        return ok(r, Outcome.INVITED, account, "Compte créé, invitation envoyée");
    }

    /**
     * An ENSURE on a known account whose identity stays as it is. Reached by a former identity, the
     * account keeps its corrected names and the result says so, without showing them.
     */
    private Result ensureOn(AccountState account, SchoolId school, SchoolYear year, ParsedRecord r, boolean formerIdentity) {
        String email = r.email().orElseThrow();
        if (takenByAnother(email, account)) {
            return conflict(r, account.knownIn(school) ? Optional.of(account.id) : Optional.empty(), Code.EMAIL_TAKEN);
        }
        if (!formerIdentity) {
            account.lastName = r.lastName().orElseThrow();
            account.firstName = r.firstName().orElseThrow();
        }
        boolean emailChanged = changeEmail(account, email);
        Outcome access = ensureAccess(account, school, year, r);
        Result result;
        if (emailChanged) {
            outbox.add(new OutboxMessage(email, OutboxMessage.Kind.EMAIL_CHANGED, account.id));
            result = ok(r, Outcome.UPDATED, account, "Adresse e-mail modifiée, message envoyé à la nouvelle adresse");
        } else {
            Role role = r.role().orElseThrow();
            result = switch (access) {
                case CONFIRMED, REACTIVATED -> {
                    outbox.add(new OutboxMessage(email, OutboxMessage.Kind.CONFIRMATION, account.id));
                    yield ok(r, access, account, null);
                }
                case UPDATED -> {
                    outbox.add(new OutboxMessage(email, OutboxMessage.Kind.CONFIRMATION, account.id));
                    yield ok(r, access, account, role == Role.DIRECTOR ? "Rôle modifié : direction" : "Rôle modifié : enseignant");
                }
                default -> ok(r, Outcome.UNCHANGED, account, null);
            };
        }
        return formerIdentity ? withCode(result, Code.FORMER_IDENTITY) : result;
    }

    /**
     * An identity correction: the account takes the record's names and birth date and keeps its
     * former identity as an alias, then the access is ensured; one short notice, never an invitation.
     */
    private Result rename(AccountState account, SchoolId school, SchoolYear year, ParsedRecord r) {
        String email = r.email().orElseThrow();
        if (takenByAnother(email, account)) {
            return conflict(r, Optional.of(account.id), Code.EMAIL_TAKEN);
        }
        IdentityKey key = r.key().orElseThrow();
        byKey.remove(account.key);
        account.aliases.remove(account.key); // moved to the end: the most recent former identity comes last
        account.aliases.put(account.key, new Account.Alias(account.lastName, account.firstName, account.birthDate));
        byAlias.put(account.key, account);
        account.aliases.remove(key);
        byAlias.remove(key);
        account.key = key;
        account.lastName = r.lastName().orElseThrow();
        account.firstName = r.firstName().orElseThrow();
        account.birthDate = r.birthDate().orElseThrow();
        byKey.put(key, account);
        changeEmail(account, email);
        ensureAccess(account, school, year, r);
        outbox.add(new OutboxMessage(account.email, OutboxMessage.Kind.IDENTITY_CHANGED, account.id));
        return withCode(ok(r, Outcome.UPDATED, account, null), Code.IDENTITY_UPDATED);
    }

    private boolean takenByAnother(String email, AccountState account) {
        AccountState owner = byEmail.get(lower(email));
        return owner != null && owner != account;
    }

    /** Makes {@code email} the account's login; whether it changed. */
    private boolean changeEmail(AccountState account, String email) {
        if (lower(account.email).equals(lower(email))) {
            return false;
        }
        byEmail.remove(lower(account.email));
        byEmail.put(lower(email), account);
        account.email = email;
        return true;
    }

    /** Adds, reactivates or re-roles the access for (school, year): what it did, as the access's outcome. */
    private Outcome ensureAccess(AccountState account, SchoolId school, SchoolYear year, ParsedRecord r) {
        Role role = r.role().orElseThrow();
        recordLocalId(account, school, r.localId());
        Optional<MembershipState> m = account.find(school, year);
        if (m.isEmpty()) {
            account.memberships.add(new MembershipState(school, year, role));
            return Outcome.CONFIRMED;
        }
        if (!m.get().active) {
            m.get().active = true;
            m.get().role = role;
            return Outcome.REACTIVATED;
        }
        if (m.get().role != role) {
            m.get().role = role;
            return Outcome.UPDATED;
        }
        return Outcome.UNCHANGED;
    }

    /** The account's memberships in {@code school} now remember {@code localId}, and only that one. */
    private void recordLocalId(AccountState account, SchoolId school, String localId) {
        String previous = account.localIds.put(school, localId);
        if (previous != null && !previous.equals(localId)) {
            byLocalId.remove(new SchoolLocalId(school, previous), account);
        }
        AccountState before = byLocalId.put(new SchoolLocalId(school, localId), account);
        if (before != null && before != account) {
            // the school gave this local id to another person: it no longer names the former one
            before.localIds.remove(school, localId);
        }
    }

    private Result deactivate(SchoolId school, ParsedRecord r) {
        AccountState account;
        boolean formerIdentity = false;
        if (r.key().isPresent()) {
            account = byKey.get(r.key().get());
            if (account == null) {
                account = byAlias.get(r.key().get());
                formerIdentity = account != null;
            }
        } else {
            account = byId.get(r.accountId().orElseThrow());
        }
        if (account == null || !account.knownIn(school)) {
            // no access here: nothing to do, and the account of a stranger is not revealed to this school
            return new Result(r.localId(), Outcome.UNCHANGED, Optional.empty(), Optional.empty(), Optional.empty());
        }
        recordLocalId(account, school, r.localId());
        boolean changed = false;
        for (MembershipState m : account.memberships) {
            if (m.school.equals(school) && m.active) {
                m.active = false;
                changed = true;
            }
        }
        Result result = ok(r, changed ? Outcome.DEACTIVATED : Outcome.UNCHANGED, account, null);
        return formerIdentity ? withCode(result, Code.FORMER_IDENTITY) : result;
    }

    private static Result ok(ParsedRecord r, Outcome outcome, AccountState account, String message) {
        return new Result(r.localId(), outcome, Optional.of(account.id), Optional.empty(), Optional.ofNullable(message));
    }

    private static Result conflict(ParsedRecord r, Optional<String> accountId, Code code) {
        return new Result(r.localId(), Outcome.CONFLICT, accountId, Optional.of(code.name()), Optional.of(code.message));
    }

    /** The result with {@code code} and its message in place of the outcome's own. */
    private static Result withCode(Result result, Code code) {
        return new Result(result.localId(), result.outcome(), result.accountId(), Optional.of(code.name()),
                Optional.of(code.message));
    }

    private static byte[] render(ParsedTransfer transfer, SchoolId school, List<Result> results) {
        ObjectNode root = ServerJson.mapper().createObjectNode();
        root.put("transferId", transfer.transferId());
        root.put("school", school.fase());
        root.put("schoolYear", transfer.schoolYear().toString());
        ArrayNode list = root.putArray("results");
        for (Result r : results) {
            ObjectNode n = list.addObject();
            n.put("localId", r.localId());
            n.put("outcome", r.outcome().name());
            n.put("accountId", r.accountId().orElse(null));
            n.put("code", r.code().orElse(null));
            n.put("message", r.message().orElse(null));
        }
        return ServerJson.mapper().writeValueAsBytes(root);
    }

    private static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** Snapshots of every account, by id. */
    public List<Account> accounts() {
        lock.lock();
        try {
            List<Account> out = new ArrayList<>(byId.size());
            for (AccountState a : byId.values()) {
                out.add(a.snapshot());
            }
            return List.copyOf(out);
        } finally {
            lock.unlock();
        }
    }

    /** The e-mails sent so far, in order. */
    public List<OutboxMessage> outbox() {
        lock.lock();
        try {
            return List.copyOf(outbox);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every account, e-mail and answered transfer; ids start again at A000001. */
    public void clear() {
        lock.lock();
        try {
            byKey.clear();
            byAlias.clear();
            byLocalId.clear();
            byId.clear();
            byEmail.clear();
            outbox.clear();
            transfers.clear();
            lastId = 0;
        } finally {
            lock.unlock();
        }
    }
}
