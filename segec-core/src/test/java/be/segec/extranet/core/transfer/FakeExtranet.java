package be.segec.extranet.core.transfer;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.IdentityKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory extranet behaving as docs/protocol.md says (one account per identity key,
 * per-school per-year memberships, outcomes, idempotent transfer ids) and as the identity design
 * of domain rule 10 says (an ENSURE naming an account renames it, former identities kept as
 * aliases, a membership remembers its record's local id, IDENTITY_TAKEN, FORMER_IDENTITY,
 * ACCOUNT_NOT_IN_SCHOOL), with two test hooks: a request number to fail on, and overlap
 * detection for concurrent sends. Every e-mail it would send is kept in an outbox.
 */
final class FakeExtranet implements Transport {

    /** One person's account. */
    static final class Account {
        final String id;
        String email;
        IdentityKey key;
        final Set<IdentityKey> aliases = new LinkedHashSet<>();

        Account(String id, String email, IdentityKey key) {
            this.id = id;
            this.email = email;
            this.key = key;
        }
    }

    /** One access of an account in a school and school year. */
    static final class Membership {
        Role role;
        boolean active;
        /** The local id of the last record that ensured or deactivated it. */
        String localId;

        Membership(Role role, String localId) {
            this.role = role;
            this.active = true;
            this.localId = localId;
        }
    }

    /** The kinds of e-mail the extranet sends. */
    enum MailKind { INVITATION, CONFIRMATION, IDENTITY_CHANGED }

    /** One e-mail sent. */
    record Mail(String accountId, String to, MailKind kind) {
    }

    private final int maxRecords;
    private final Map<IdentityKey, Account> accounts = new HashMap<>();
    private final Map<IdentityKey, Account> byAlias = new HashMap<>();
    private final Map<String, Account> byEmail = new HashMap<>();
    private final Map<String, Account> byAccountId = new HashMap<>();
    private final Map<String, Membership> memberships = new HashMap<>();
    private final Map<UUID, TransferResponse> answered = new HashMap<>();
    private final List<TransferRequest> requests = new ArrayList<>();
    private final List<Mail> outbox = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean overlapped = new AtomicBoolean();
    private int failOnRequest = -1;
    private int loseAnswerOfRequest = -1;
    private int nextAccount = 1;
    private volatile Runnable duringSend = () -> { };

    FakeExtranet(int maxRecords) {
        this.maxRecords = maxRecords;
    }

    FakeExtranet() {
        this(1000);
    }

    @Override
    public int maxRecordsPerRequest() {
        return maxRecords;
    }

    /** The n-th request (1-based, counting from now on) throws a TransportException. */
    synchronized void failOnRequest(int n) {
        this.failOnRequest = requests.size() + n;
    }

    /**
     * The n-th request (1-based, counting from now on) is processed, then its answer is lost on
     * the way back (a TransportException): the next send of the same transfer id gets the stored answer.
     */
    synchronized void loseAnswerOfRequest(int n) {
        this.loseAnswerOfRequest = requests.size() + n;
    }

    /** Runs inside every send, outside the fake's own lock (to block a sender in concurrency tests). */
    void duringSend(Runnable r) {
        this.duringSend = r;
    }

    boolean overlapped() {
        return overlapped.get();
    }

    synchronized List<TransferRequest> requests() {
        return List.copyOf(requests);
    }

    /** Every record sent so far, in order. */
    synchronized List<RecordCommand> records() {
        return requests.stream().flatMap(r -> r.records().stream()).toList();
    }

    /** An account created elsewhere (another school), owning {@code email}. */
    synchronized String existingAccount(IdentityKey key, String email) {
        return createAccount(key, email).id;
    }

    /** How many accounts exist. */
    synchronized int accountCount() {
        return byAccountId.size();
    }

    /** The account whose current identity is {@code key}. */
    synchronized Optional<Account> account(IdentityKey key) {
        return Optional.ofNullable(accounts.get(key));
    }

    /** The account an ENSURE of {@code key} reaches: the one whose current identity or former one (alias) it is. */
    synchronized Optional<Account> accountReaching(IdentityKey key) {
        return Optional.ofNullable(accounts.containsKey(key) ? accounts.get(key) : byAlias.get(key));
    }

    /** The membership of this account in a school and school year. */
    synchronized Optional<Membership> membership(String accountId, int fase, SchoolYear year) {
        return Optional.ofNullable(memberships.get(accountId + "/" + fase + "/" + year));
    }

    /** The account with this id. */
    synchronized Optional<Account> accountById(String id) {
        return Optional.ofNullable(byAccountId.get(id));
    }

    /** Every e-mail sent so far, in order. */
    synchronized List<Mail> outbox() {
        return List.copyOf(outbox);
    }

    /** How many e-mails of {@code kind} went to the account {@code accountId}. */
    synchronized long mails(String accountId, MailKind kind) {
        return outbox.stream().filter(m -> m.accountId().equals(accountId) && m.kind() == kind).count();
    }

    synchronized Optional<Membership> membership(IdentityKey key, int fase, SchoolYear year) {
        Account a = accounts.get(key);
        return a == null ? Optional.empty() : Optional.ofNullable(memberships.get(a.id + "/" + fase + "/" + year));
    }

    /** The identity keys with an active access in this school and school year. */
    synchronized java.util.Set<IdentityKey> activeMembers(int fase, SchoolYear year) {
        java.util.Set<IdentityKey> out = new java.util.HashSet<>();
        accounts.forEach((key, account) -> {
            Membership m = memberships.get(account.id + "/" + fase + "/" + year);
            if (m != null && m.active) {
                out.add(key);
            }
        });
        return out;
    }

    @Override
    public TransferResponse send(TransferRequest request) {
        if (inFlight.incrementAndGet() > 1) {
            overlapped.set(true);
        }
        try {
            duringSend.run();
            return handle(request);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private synchronized TransferResponse handle(TransferRequest request) {
        requests.add(request);
        if (requests.size() == failOnRequest) {
            throw new TransportException("503 UNAVAILABLE (request r-" + requests.size() + ")");
        }
        if (request.records().size() > maxRecords) {
            throw new TransportException("413 PAYLOAD_TOO_LARGE");
        }
        TransferResponse earlier = answered.get(request.transferId());
        if (earlier != null) {
            return earlier;
        }
        List<RecordResult> results = new ArrayList<>();
        for (RecordCommand c : request.records()) {
            results.add(c.action() == RecordCommand.Command.ENSURE ? ensure(request, c) : deactivate(request, c));
        }
        TransferResponse response = new TransferResponse(request.transferId(), results, 100L * request.records().size() + 80, 1);
        answered.put(request.transferId(), response);
        if (requests.size() == loseAnswerOfRequest) {
            throw new TransportException("connection reset after the answer was made (request r-" + requests.size() + ")");
        }
        return response;
    }

    private RecordResult ensure(TransferRequest request, RecordCommand c) {
        IdentityKey key = IdentityKey.from(c.lastName().orElseThrow(), c.firstName().orElseThrow(), c.birthDate().orElseThrow())
                .orElseThrow();
        int fase = request.school().fase();
        if (c.accountId().isPresent()) {
            Account named = byAccountId.get(c.accountId().get());
            if (named == null || !hasBeenMember(named, fase)) {
                return refused(c, "ACCOUNT_NOT_IN_SCHOOL", "account not in school");
            }
            return named.key.equals(key) ? process(request, c, named, null) : rename(request, c, named, key);
        }
        Account current = accounts.get(key);
        if (current != null) {
            return process(request, c, current, null);
        }
        Account former = byAlias.get(key);
        if (former != null) {
            return process(request, c, former, "FORMER_IDENTITY");
        }
        Account member = memberOfSchoolWithLocalId(fase, c.localId());
        if (member != null) {
            return rename(request, c, member, key); // the school's state was lost: the membership knows the local id
        }
        String email = c.email().orElseThrow();
        if (byEmail.containsKey(email.toLowerCase(Locale.ROOT))) {
            return refused(c, "EMAIL_TAKEN", "e-mail taken");
        }
        Account account = createAccount(key, email);
        memberships.put(membershipKey(account, request), new Membership(c.role().orElseThrow(), c.localId()));
        outbox.add(new Mail(account.id, email, MailKind.INVITATION));
        return result(c, Outcome.INVITED, account, null);
    }

    /** The identity correction of {@code account} to {@code key}, then the ENSURE on it. */
    private RecordResult rename(TransferRequest request, RecordCommand c, Account account, IdentityKey key) {
        Account other = accounts.get(key);
        if (other == null) {
            other = byAlias.get(key);
        }
        if (other != null && other != account) {
            return refused(c, "IDENTITY_TAKEN", "identity taken");
        }
        Account owner = byEmail.get(c.email().orElseThrow().toLowerCase(Locale.ROOT));
        if (owner != null && owner != account) {
            return refused(c, "EMAIL_TAKEN", "e-mail taken");
        }
        accounts.remove(account.key);
        account.aliases.add(account.key);
        byAlias.put(account.key, account);
        account.aliases.remove(key);
        byAlias.remove(key);
        account.key = key;
        accounts.put(key, account);
        RecordResult processed = process(request, c, account, "IDENTITY_UPDATED");
        return new RecordResult(c.localId(), Outcome.UPDATED, processed.accountId(), processed.code(), processed.message());
    }

    /** An ENSURE on a known account: e-mail, membership; {@code code} travels on the result. */
    private RecordResult process(TransferRequest request, RecordCommand c, Account account, String code) {
        String email = c.email().orElseThrow();
        Account owner = byEmail.get(email.toLowerCase(Locale.ROOT));
        if (owner != null && owner != account) {
            return refused(c, "EMAIL_TAKEN", "e-mail taken");
        }
        Role role = c.role().orElseThrow();
        Outcome outcome = null;
        if (!account.email.equalsIgnoreCase(email)) {
            byEmail.remove(account.email.toLowerCase(Locale.ROOT));
            account.email = email;
            byEmail.put(email.toLowerCase(Locale.ROOT), account);
            outcome = Outcome.UPDATED;
        }
        String mkey = membershipKey(account, request);
        Membership m = memberships.get(mkey);
        if (m == null) {
            memberships.put(mkey, new Membership(role, c.localId()));
            outcome = outcome != null ? outcome : Outcome.CONFIRMED;
        } else {
            m.localId = c.localId();
            if (!m.active) {
                m.active = true;
                m.role = role;
                outcome = outcome != null ? outcome : Outcome.REACTIVATED;
            } else if (m.role != role) {
                m.role = role;
                outcome = outcome != null ? outcome : Outcome.UPDATED;
            }
        }
        if ("IDENTITY_UPDATED".equals(code)) {
            outbox.add(new Mail(account.id, account.email, MailKind.IDENTITY_CHANGED)); // a short notice, never an invitation
        } else if (outcome != null) {
            outbox.add(new Mail(account.id, account.email, MailKind.CONFIRMATION));
        }
        return result(c, outcome != null ? outcome : Outcome.UNCHANGED, account, code);
    }

    private RecordResult deactivate(TransferRequest request, RecordCommand c) {
        Account account;
        if (c.accountId().isPresent()) {
            account = byAccountId.get(c.accountId().get());
        } else {
            IdentityKey key = IdentityKey.from(c.lastName().orElseThrow(), c.firstName().orElseThrow(), c.birthDate().orElseThrow())
                    .orElseThrow();
            account = accounts.containsKey(key) ? accounts.get(key) : byAlias.get(key);
        }
        if (account == null) {
            return new RecordResult(c.localId(), Outcome.UNCHANGED, Optional.empty(), Optional.empty(), Optional.empty());
        }
        boolean changed = false;
        String prefix = account.id + "/" + request.school().fase() + "/";
        for (Map.Entry<String, Membership> e : memberships.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                e.getValue().localId = c.localId();
                if (e.getValue().active) {
                    e.getValue().active = false;
                    changed = true;
                }
            }
        }
        return result(c, changed ? Outcome.DEACTIVATED : Outcome.UNCHANGED, account, null);
    }

    private boolean hasBeenMember(Account account, int fase) {
        String prefix = account.id + "/" + fase + "/";
        return memberships.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    /** The account of this school's membership (latest school year first) recorded with this local id. */
    private Account memberOfSchoolWithLocalId(int fase, String localId) {
        String suffix = null;
        Account found = null;
        for (Map.Entry<String, Membership> e : memberships.entrySet()) {
            String[] parts = e.getKey().split("/");
            if (parts[1].equals(Integer.toString(fase)) && e.getValue().localId.equals(localId)
                    && (suffix == null || parts[2].compareTo(suffix) > 0)) {
                suffix = parts[2];
                found = byAccountId.get(parts[0]);
            }
        }
        return found;
    }

    private static String membershipKey(Account account, TransferRequest request) {
        return account.id + "/" + request.school().fase() + "/" + request.schoolYear();
    }

    private Account createAccount(IdentityKey key, String email) {
        Account a = new Account(String.format("A%06d", nextAccount++), email, key);
        accounts.put(key, a);
        byEmail.put(email.toLowerCase(Locale.ROOT), a);
        byAccountId.put(a.id, a);
        return a;
    }

    private static RecordResult refused(RecordCommand c, String code, String message) {
        return new RecordResult(c.localId(), Outcome.CONFLICT, Optional.empty(), Optional.of(code), Optional.of(message));
    }

    private static RecordResult result(RecordCommand c, Outcome outcome, Account account, String code) {
        return new RecordResult(c.localId(), outcome, Optional.of(account.id), Optional.ofNullable(code), Optional.empty());
    }
}
