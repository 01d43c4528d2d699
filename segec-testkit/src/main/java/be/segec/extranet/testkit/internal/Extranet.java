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
 * The fake extranet's data: accounts (one per identity key), their accesses, the outbox and the
 * transfers already answered (the idempotency store). Every change happens under one fair lock, so a
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
     * and its answer. Not the content itself: the network benchmark showed 2 000 stored request
     * trees (300 records each) holding 700 MB of the fake extranet's heap.
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

    private static final class AccountState {
        final String id;
        final IdentityKey key;
        String lastName;
        String firstName;
        final LocalDate birthDate;
        String email;
        final List<MembershipState> memberships = new ArrayList<>();

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
            return new Account(id, lastName, firstName, birthDate, email, list);
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
    private final Map<IdentityKey, AccountState> byKey = new HashMap<>();
    private final Map<String, AccountState> byId = new LinkedHashMap<>();
    /** Lower-cased e-mail → the account that owns it. */
    private final Map<String, AccountState> byEmail = new HashMap<>();
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

    private Result ensure(SchoolId school, SchoolYear year, ParsedRecord r) {
        IdentityKey key = r.key().orElseThrow();
        String email = r.email().orElseThrow();
        Role role = r.role().orElseThrow();
        AccountState account = byKey.get(key);
        AccountState owner = byEmail.get(lower(email));
        if (owner != null && owner != account) {
            Optional<String> id = account != null && account.knownIn(school) ? Optional.of(account.id) : Optional.empty();
            return new Result(r.localId(), Outcome.CONFLICT, id,
                    Optional.of("EMAIL_TAKEN"), Optional.of("Cette adresse e-mail appartient déjà à une autre personne"));
        }
        if (account == null) {
            account = new AccountState(String.format(Locale.ROOT, "A%06d", ++lastId), key, r.lastName().orElseThrow(),
                    r.firstName().orElseThrow(), r.birthDate().orElseThrow(), email);
            account.memberships.add(new MembershipState(school, year, role));
            byKey.put(key, account);
            byId.put(account.id, account);
            byEmail.put(lower(email), account);
            outbox.add(new OutboxMessage(email, OutboxMessage.Kind.INVITATION, account.id));
            return ok(r, Outcome.INVITED, account, "Compte créé, invitation envoyée");
        }
        account.lastName = r.lastName().orElseThrow();
        account.firstName = r.firstName().orElseThrow();
        boolean emailChanged = !lower(account.email).equals(lower(email));
        if (emailChanged) {
            byEmail.remove(lower(account.email));
            byEmail.put(lower(email), account);
            account.email = email;
        }
        Outcome access;
        Optional<MembershipState> m = account.find(school, year);
        if (m.isEmpty()) {
            account.memberships.add(new MembershipState(school, year, role));
            access = Outcome.CONFIRMED;
        } else if (!m.get().active) {
            m.get().active = true;
            m.get().role = role;
            access = Outcome.REACTIVATED;
        } else if (m.get().role != role) {
            m.get().role = role;
            access = Outcome.UPDATED;
        } else {
            access = Outcome.UNCHANGED;
        }
        if (emailChanged) {
            outbox.add(new OutboxMessage(email, OutboxMessage.Kind.EMAIL_CHANGED, account.id));
            return ok(r, Outcome.UPDATED, account, "Adresse e-mail modifiée, message envoyé à la nouvelle adresse");
        }
        switch (access) {
            case CONFIRMED:
            case REACTIVATED:
                outbox.add(new OutboxMessage(email, OutboxMessage.Kind.CONFIRMATION, account.id));
                return ok(r, access, account, null);
            case UPDATED:
                outbox.add(new OutboxMessage(email, OutboxMessage.Kind.CONFIRMATION, account.id));
                return ok(r, access, account, role == Role.DIRECTOR ? "Rôle modifié : direction" : "Rôle modifié : enseignant");
            default:
                return ok(r, Outcome.UNCHANGED, account, null);
        }
    }

    private Result deactivate(SchoolId school, ParsedRecord r) {
        AccountState account = r.key().isPresent() ? byKey.get(r.key().get()) : byId.get(r.accountId().orElseThrow());
        if (account == null || !account.knownIn(school)) {
            // no access here: nothing to do, and the account of a stranger is not revealed to this school
            return new Result(r.localId(), Outcome.UNCHANGED, Optional.empty(), Optional.empty(), Optional.empty());
        }
        boolean changed = false;
        for (MembershipState m : account.memberships) {
            if (m.school.equals(school) && m.active) {
                m.active = false;
                changed = true;
            }
        }
        return ok(r, changed ? Outcome.DEACTIVATED : Outcome.UNCHANGED, account, null);
    }

    private static Result ok(ParsedRecord r, Outcome outcome, AccountState account, String message) {
        return new Result(r.localId(), outcome, Optional.of(account.id), Optional.empty(), Optional.ofNullable(message));
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
