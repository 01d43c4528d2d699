package be.segec.extranet.core.transfer;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.IdentityKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory extranet behaving as docs/protocol.md says (one account per identity key,
 * per-school per-year memberships, outcomes, idempotent transfer ids), with two test hooks: a
 * request number to fail on, and overlap detection for concurrent sends.
 */
final class FakeExtranet implements Transport {

    /** One person's account. */
    static final class Account {
        final String id;
        String email;

        Account(String id, String email) {
            this.id = id;
            this.email = email;
        }
    }

    /** One access of an account in a school and school year. */
    static final class Membership {
        Role role;
        boolean active;

        Membership(Role role) {
            this.role = role;
            this.active = true;
        }
    }

    private final int maxRecords;
    private final Map<IdentityKey, Account> accounts = new HashMap<>();
    private final Map<String, IdentityKey> byEmail = new HashMap<>();
    private final Map<String, IdentityKey> byAccountId = new HashMap<>();
    private final Map<String, Membership> memberships = new HashMap<>();
    private final Map<UUID, TransferResponse> answered = new HashMap<>();
    private final List<TransferRequest> requests = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean overlapped = new AtomicBoolean();
    private int failOnRequest = -1;
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
        return response;
    }

    private RecordResult ensure(TransferRequest request, RecordCommand c) {
        IdentityKey key = IdentityKey.from(c.lastName().orElseThrow(), c.firstName().orElseThrow(), c.birthDate().orElseThrow())
                .orElseThrow();
        String email = c.email().orElseThrow();
        IdentityKey owner = byEmail.get(email.toLowerCase(Locale.ROOT));
        if (owner != null && !owner.equals(key)) {
            return new RecordResult(c.localId(), Outcome.CONFLICT, Optional.empty(), Optional.of("EMAIL_TAKEN"),
                    Optional.of("e-mail taken"));
        }
        Role role = c.role().orElseThrow();
        String mkey;
        Account account = accounts.get(key);
        if (account == null) {
            account = createAccount(key, email);
            memberships.put(account.id + "/" + request.school().fase() + "/" + request.schoolYear(), new Membership(role));
            return result(c, Outcome.INVITED, account);
        }
        Outcome outcome = null;
        if (!account.email.equalsIgnoreCase(email)) {
            byEmail.remove(account.email.toLowerCase(Locale.ROOT));
            account.email = email;
            byEmail.put(email.toLowerCase(Locale.ROOT), key);
            outcome = Outcome.UPDATED;
        }
        mkey = account.id + "/" + request.school().fase() + "/" + request.schoolYear();
        Membership m = memberships.get(mkey);
        if (m == null) {
            memberships.put(mkey, new Membership(role));
            outcome = outcome != null ? outcome : Outcome.CONFIRMED;
        } else if (!m.active) {
            m.active = true;
            m.role = role;
            outcome = outcome != null ? outcome : Outcome.REACTIVATED;
        } else if (m.role != role) {
            m.role = role;
            outcome = outcome != null ? outcome : Outcome.UPDATED;
        }
        return result(c, outcome != null ? outcome : Outcome.UNCHANGED, account);
    }

    private RecordResult deactivate(TransferRequest request, RecordCommand c) {
        IdentityKey key = c.accountId().isPresent() ? byAccountId.get(c.accountId().get())
                : IdentityKey.from(c.lastName().orElseThrow(), c.firstName().orElseThrow(), c.birthDate().orElseThrow()).orElseThrow();
        Account account = key == null ? null : accounts.get(key);
        if (account == null) {
            return new RecordResult(c.localId(), Outcome.UNCHANGED, Optional.empty(), Optional.empty(), Optional.empty());
        }
        boolean changed = false;
        String prefix = account.id + "/" + request.school().fase() + "/";
        for (Map.Entry<String, Membership> e : memberships.entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getValue().active) {
                e.getValue().active = false;
                changed = true;
            }
        }
        return result(c, changed ? Outcome.DEACTIVATED : Outcome.UNCHANGED, account);
    }

    private Account createAccount(IdentityKey key, String email) {
        Account a = new Account(String.format("A%06d", nextAccount++), email);
        accounts.put(key, a);
        byEmail.put(email.toLowerCase(Locale.ROOT), key);
        byAccountId.put(a.id, key);
        return a;
    }

    private static RecordResult result(RecordCommand c, Outcome outcome, Account account) {
        return new RecordResult(c.localId(), outcome, Optional.of(account.id), Optional.empty(), Optional.empty());
    }
}
