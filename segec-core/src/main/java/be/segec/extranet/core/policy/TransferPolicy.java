package be.segec.extranet.core.policy;

import be.segec.extranet.core.FieldProblem;
import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffField;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.identity.NameNormalizer;
import be.segec.extranet.core.identity.PersonIdentity;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.validation.BirthDates;
import be.segec.extranet.core.validation.EmailAddresses;
import be.segec.extranet.core.validation.PersonNames;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the transfer (domain rules 1 to 8) as a pure function: from the school's staff
 * list, the reference date and what the extranet last acknowledged, to a {@link TransferPlan}.
 * No I/O and no clock: the same inputs always give the same plan, whatever their order.
 *
 * <p>Immutable and thread-safe.
 */
public final class TransferPolicy {

    private final GuardThreshold guard;
    private final MonthDay rollover;

    public TransferPolicy(GuardThreshold guard, MonthDay rollover) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.rollover = Objects.requireNonNull(rollover, "rollover");
    }

    /** The default guard (20 %, floor 3) and school years starting on 1 September. */
    public static TransferPolicy defaults() {
        return new TransferPolicy(GuardThreshold.DEFAULT, SchoolYear.DEFAULT_ROLLOVER);
    }

    public GuardThreshold guard() {
        return guard;
    }

    public MonthDay rollover() {
        return rollover;
    }

    /** The school year of {@code referenceDate} under this policy's rollover day. */
    public SchoolYear schoolYearOf(LocalDate referenceDate) {
        return SchoolYear.of(referenceDate, rollover);
    }

    /** A first transfer: nothing acknowledged yet. */
    public TransferPlan plan(List<StaffMember> staff, LocalDate referenceDate) {
        return plan(staff, referenceDate, AcknowledgedState.empty(), PlanMode.DEFAULT);
    }

    /**
     * Plans one transfer.
     *
     * @param staff         the school's staff list as exported (null elements are skipped)
     * @param referenceDate the school software's "today"
     * @param acknowledged  what the extranet last acknowledged for this school
     * @param mode          full or delta; guard confirmation
     */
    public TransferPlan plan(List<StaffMember> staff, LocalDate referenceDate,
                             AcknowledgedState acknowledged, PlanMode mode) {
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(referenceDate, "referenceDate");
        Objects.requireNonNull(acknowledged, "acknowledged");
        Objects.requireNonNull(mode, "mode");
        return new Planning(staff, referenceDate, acknowledged, mode).run();
    }

    /** One planning run; holds the intermediate state so each rule reads as one step. */
    private final class Planning {
        private final List<StaffMember> staff;
        private final LocalDate today;
        private final LocalDate yearStart;
        private final SchoolYear year;
        private final AcknowledgedState acknowledged;
        private final PlanMode mode;
        /** The action decided so far for each record, by its position in {@link #records}. */
        private final List<StaffMember> records = new ArrayList<>();
        private final List<AccountAction> decided = new ArrayList<>();
        private final List<Message> planMessages = new ArrayList<>();

        Planning(List<StaffMember> staff, LocalDate today, AcknowledgedState acknowledged, PlanMode mode) {
            this.staff = staff;
            this.today = today;
            this.year = SchoolYear.of(today, rollover);
            this.yearStart = year.firstDay(rollover);
            this.acknowledged = acknowledged;
            this.mode = mode;
        }

        TransferPlan run() {
            Set<String> duplicatedIds = duplicatedLocalIds();
            for (StaffMember m : staff) {
                if (m != null) {
                    records.add(m);
                    decided.add(duplicatedIds.contains(m.localId()) ? duplicateId(m) : decide(m));
                }
            }
            mergeDuplicatePersons();
            rejectSharedMailboxes();
            warnSeveralDirectors();
            Optional<GuardStop> stop = Optional.empty();
            List<AccountAction> actions = new ArrayList<>(decided);
            if (!acknowledged.isEmpty()) {
                actions = compareWithAcknowledged(actions);
                stop = applyGuard(actions);
            }
            actions.sort(ORDER);
            return new TransferPlan(year, today, actions, planMessages, stop);
        }

        // Rule 1 and 3 (and 5, 6, 7 for one record): scope, validation, the action for one record.
        private AccountAction decide(StaffMember m) {
            // the display name is built only for a message: most records get none
            if (!m.fieldProblems().isEmpty()) {
                return rejected(m, unreadable(m));
            }
            if (m.localId().isEmpty()) {
                return rejected(m, List.of(Message.of(MessageCode.LOCAL_ID_MISSING, m.displayName())));
            }
            Names names = new Names(m, today);
            Optional<PersonIdentity> identity = names.identity;
            if (!m.teaching() && !m.promotionFunction()) {
                return ignored(m, identity, Message.of(MessageCode.NOT_IN_SCOPE, m.displayName()));
            }
            if (m.exitDate().isPresent() && m.exitDate().get().isBefore(yearStart)) {
                return ignored(m, identity, Message.of(MessageCode.LEFT_BEFORE_SCHOOL_YEAR, m.displayName(), m.exitDate().get().toString()));
            }
            List<Message> errors = new ArrayList<>(); // no array until a first error: most records have none
            checkName(m, names.last, StaffField.LAST_NAME, errors);
            checkName(m, names.first, StaffField.FIRST_NAME, errors);
            checkBirthDate(m, names.birth, errors);
            Optional<String> email = Optional.empty();
            if (m.administrativePresence()) {
                email = checkEmail(m, errors);
            }
            if (!errors.isEmpty()) {
                return rejected(m, errors);
            }
            PersonIdentity person = identity.orElseThrow();
            if (!m.administrativePresence()) {
                List<Message> messages = new ArrayList<>(2);
                messages.add(Message.of(MessageCode.LEAVING, m.displayName()));
                if (m.exitDate().isEmpty()) {
                    messages.add(Message.of(MessageCode.EXIT_DATE_MISSING, m.displayName()));
                }
                return new AccountAction.Deactivate(m.localId(), m.lastName(), m.firstName(), Optional.of(person),
                        Optional.empty(), AccountAction.Deactivate.Reason.LEFT, messages);
            }
            List<Message> messages = new ArrayList<>();
            Role role = Role.TEACHER;
            if (m.promotionFunction()) {
                if (m.physicalPresence()) {
                    role = Role.DIRECTOR;
                } else {
                    messages.add(Message.of(MessageCode.DIRECTOR_ON_LEAVE, m.displayName()));
                }
            }
            if (m.exitDate().isPresent() && m.exitDate().get().isBefore(today)) {
                messages.add(Message.of(MessageCode.STILL_PRESENT_AFTER_EXIT, m.displayName(), m.exitDate().get().toString()));
            }
            return new AccountAction.Ensure(m.localId(), person, email.orElseThrow(), role, messages);
        }

        private List<Message> unreadable(StaffMember m) {
            List<Message> out = new ArrayList<>();
            for (FieldProblem p : m.fieldProblems()) {
                String where = p.location().isEmpty() ? "" : "(" + p.location() + ")";
                out.add(Message.about(MessageCode.FIELD_UNREADABLE, m.displayName(), p.field(), p.rawValue(), where));
            }
            return out;
        }

        private void checkName(StaffMember m, PersonNames.Problem problem, StaffField field, List<Message> errors) {
            switch (problem) {
                case MISSING -> errors.add(Message.about(MessageCode.NAME_MISSING, m.displayName(), field));
                case INVALID -> errors.add(Message.about(MessageCode.NAME_INVALID, m.displayName(), field));
                case NONE -> { }
            }
        }

        private void checkBirthDate(StaffMember m, BirthDates.Problem problem, List<Message> errors) {
            switch (problem) {
                case NONE -> { }
                case MISSING -> errors.add(Message.of(MessageCode.BIRTH_DATE_MISSING, m.displayName()));
                default -> errors.add(Message.of(MessageCode.BIRTH_DATE_INVALID, m.displayName(),
                        m.birthDate().orElseThrow().toString(), problem.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            }
        }

        private Optional<String> checkEmail(StaffMember m, List<Message> errors) {
            if (m.email().isEmpty()) {
                errors.add(Message.of(MessageCode.EMAIL_MISSING, m.displayName()));
                return Optional.empty();
            }
            Optional<String> email = EmailAddresses.normalize(m.email().get());
            if (email.isEmpty()) {
                errors.add(Message.of(MessageCode.EMAIL_INVALID, m.displayName(), printable(m.email().get())));
            }
            return email;
        }

        // Two different records with the same local id cannot be told apart in a report.
        private Set<String> duplicatedLocalIds() {
            Map<String, StaffMember> seen = new HashMap<>(capacityFor(staff.size()));
            Set<String> duplicated = new HashSet<>();
            for (StaffMember m : staff) {
                if (m != null && !m.localId().isEmpty()) {
                    StaffMember before = seen.putIfAbsent(m.localId(), m);
                    if (before != null && !before.equals(m)) {
                        duplicated.add(m.localId());
                    }
                }
            }
            return duplicated;
        }

        private AccountAction duplicateId(StaffMember m) {
            return rejected(m, List.of(Message.of(MessageCode.LOCAL_ID_DUPLICATE, m.displayName(), m.localId())));
        }

        // Rule 4, second half: one person, several records → the first carries the action.
        private void mergeDuplicatePersons() {
            Map<IdentityKey, List<Integer>> groups = new LinkedHashMap<>();
            Map<IdentityKey, Integer> firstSeen = new HashMap<>(capacityFor(decided.size()));
            for (int i = 0; i < decided.size(); i++) {
                AccountAction a = decided.get(i);
                if (a instanceof AccountAction.Ensure || a instanceof AccountAction.Deactivate) {
                    addIfRepeated(a.identity().orElseThrow().key(), i, firstSeen, groups);
                }
            }
            for (List<Integer> group : groups.values()) {
                group.sort(Comparator.comparing((Integer i) -> decided.get(i), PRIMARY_FIRST));
                AccountAction primary = decided.get(group.get(0));
                for (Integer i : group.subList(1, group.size())) {
                    AccountAction other = decided.get(i);
                    decided.set(i, new AccountAction.Ignored(other.localId(), other.lastName(), other.firstName(),
                            other.identity(), List.of(Message.of(MessageCode.DUPLICATE_RECORD, other.displayName(),
                            primary.localId(), other.localId()))));
                }
            }
        }

        // Rule 4, first half: an e-mail is a personal login.
        private void rejectSharedMailboxes() {
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            Map<String, Integer> firstSeen = new HashMap<>(capacityFor(decided.size()));
            for (int i = 0; i < decided.size(); i++) {
                if (decided.get(i) instanceof AccountAction.Ensure e) {
                    addIfRepeated(e.email().toLowerCase(Locale.ROOT), i, firstSeen, groups);
                }
            }
            for (List<Integer> group : groups.values()) {
                for (Integer i : group) {
                    AccountAction.Ensure e = (AccountAction.Ensure) decided.get(i);
                    List<String> others = new ArrayList<>();
                    for (Integer j : group) {
                        if (!j.equals(i)) {
                            others.add(decided.get(j).displayName());
                        }
                    }
                    others.sort(null);
                    decided.set(i, new AccountAction.Rejected(e.localId(), e.lastName(), e.firstName(), e.identity(),
                            List.of(Message.of(MessageCode.EMAIL_SHARED, e.displayName(), e.email(), String.join(", ", others)))));
                }
            }
        }

        // Rule 7: more than one director is usually a former director left present.
        private void warnSeveralDirectors() {
            List<String> directors = new ArrayList<>();
            for (AccountAction a : decided) {
                if (a instanceof AccountAction.Ensure e && e.role() == Role.DIRECTOR) {
                    directors.add(e.displayName());
                }
            }
            if (directors.size() > 1) {
                directors.sort(null);
                planMessages.add(Message.of(MessageCode.SEVERAL_DIRECTORS, "", String.join(", ", directors)));
            }
        }

        // Delta against the last acknowledgement, vanished records (rule 8, first half), new year (rule 9).
        private List<AccountAction> compareWithAcknowledged(List<AccountAction> actions) {
            Set<String> matched = new HashSet<>();
            List<AccountAction> out = new ArrayList<>(actions.size() + 8);
            for (AccountAction a : actions) {
                Optional<AcknowledgedAccess> ack = a.identity().flatMap(p -> {
                    String digest = p.key().digest();
                    matched.add(digest);
                    return acknowledged.find(digest);
                });
                out.add(compare(a, ack));
            }
            List<AcknowledgedAccess> vanished = new ArrayList<>();
            for (AcknowledgedAccess ack : acknowledged.accesses()) {
                if (ack.active() && !matched.contains(ack.keyDigest())) {
                    vanished.add(ack);
                }
            }
            for (AcknowledgedAccess ack : vanished) {
                String who = ack.lastName() + " " + ack.firstName() + (ack.localId().isEmpty() ? "" : " (id " + ack.localId() + ")");
                out.add(new AccountAction.Deactivate(ack.localId(), ack.lastName(), ack.firstName(), Optional.empty(),
                        ack.accountId(),
                        AccountAction.Deactivate.Reason.VANISHED, List.of(Message.of(MessageCode.VANISHED, who))));
            }
            boolean newYear = acknowledged.accesses().stream().noneMatch(x -> x.schoolYear().equals(year));
            if (newYear) {
                planMessages.add(Message.of(MessageCode.NEW_SCHOOL_YEAR, "", year.toString()));
            }
            return out;
        }

        private AccountAction compare(AccountAction a, Optional<AcknowledgedAccess> ack) {
            boolean sameYear = ack.isPresent() && ack.get().schoolYear().equals(year);
            if (a instanceof AccountAction.Ensure e) {
                if (!mode.full() && sameYear && ack.get().active() && ack.get().fingerprint().equals(e.fingerprint())) {
                    return new AccountAction.Unchanged(e.localId(), e.person(), Optional.of(e.role()), true, e.messages());
                }
                return e;
            }
            if (a instanceof AccountAction.Deactivate d) {
                boolean alreadyOff = ack.isEmpty() || !ack.get().active();
                if (!mode.full() && alreadyOff && (ack.isEmpty() || sameYear)) {
                    return new AccountAction.Unchanged(d.localId(), d.identity().orElseThrow(), Optional.empty(), false, d.messages());
                }
                return new AccountAction.Deactivate(d.localId(), d.lastName(), d.firstName(), d.identity(),
                        ack.flatMap(AcknowledgedAccess::accountId), d.reason(), d.messages());
            }
            if (a instanceof AccountAction.Ignored i && ack.isPresent() && ack.get().active()
                    && i.messages().stream().anyMatch(msg -> msg.code() == MessageCode.NOT_IN_SCOPE
                    || msg.code() == MessageCode.LEFT_BEFORE_SCHOOL_YEAR)) {
                return new AccountAction.Deactivate(i.localId(), i.lastName(), i.firstName(), i.identity(),
                        ack.get().accountId(), AccountAction.Deactivate.Reason.NO_LONGER_IN_SCOPE,
                        List.of(Message.of(MessageCode.NO_LONGER_IN_SCOPE, i.displayName())));
            }
            return a; // rejected, ignored on purpose, already unchanged
        }

        // Rule 8, second half: a broken export must never wipe a school.
        private Optional<GuardStop> applyGuard(List<AccountAction> actions) {
            int active = acknowledged.activeCount();
            int deactivations = 0;
            for (AccountAction a : actions) {
                if (a instanceof AccountAction.Deactivate d && wasActive(d)) {
                    deactivations++;
                }
            }
            if (active == 0 || !guard.trips(deactivations, active)) {
                return Optional.empty();
            }
            String count = Integer.toString(deactivations);
            String of = Integer.toString(active);
            if (mode.massDeactivationConfirmed()) {
                planMessages.add(Message.of(MessageCode.MASS_DEACTIVATION_CONFIRMED, "", count, of));
                return Optional.empty();
            }
            planMessages.add(Message.of(MessageCode.MASS_DEACTIVATION, "", count, of));
            return Optional.of(new GuardStop(deactivations, active, guard));
        }

        private boolean wasActive(AccountAction.Deactivate d) {
            if (d.reason() == AccountAction.Deactivate.Reason.VANISHED) {
                return true;
            }
            return d.identity().flatMap(p -> acknowledged.find(p.key().digest()))
                    .map(AcknowledgedAccess::active).orElse(false);
        }

        private AccountAction rejected(StaffMember m, List<Message> messages) {
            return new AccountAction.Rejected(m.localId(), m.lastName(), m.firstName(), new Names(m, today).identity, messages);
        }

        private AccountAction ignored(StaffMember m, Optional<PersonIdentity> identity, Message message) {
            return new AccountAction.Ignored(m.localId(), m.lastName(), m.firstName(), identity, List.of(message));
        }
    }

    /** One record's name and birth date checks, each name folded once, and the identity they make. */
    private static final class Names {
        final PersonNames.Problem last;
        final PersonNames.Problem first;
        final BirthDates.Problem birth;
        final Optional<PersonIdentity> identity;

        Names(StaffMember m, LocalDate today) {
            String lastFolded = foldIfPlausible(m.lastName());
            String firstFolded = foldIfPlausible(m.firstName());
            last = problem(m.lastName(), lastFolded);
            first = problem(m.firstName(), firstFolded);
            birth = BirthDates.check(m.birthDate(), today);
            if (last == PersonNames.Problem.NONE && first == PersonNames.Problem.NONE && birth == BirthDates.Problem.NONE) {
                LocalDate date = m.birthDate().orElseThrow();
                identity = Optional.of(new PersonIdentity(m.lastName().strip(), m.firstName().strip(), date,
                        IdentityKey.ofFolded(lastFolded, firstFolded, date)));
            } else {
                identity = Optional.empty();
            }
        }

        private static String foldIfPlausible(String name) {
            return PersonNames.precheck(name) == PersonNames.Problem.NONE ? NameNormalizer.normalize(name) : "";
        }

        private static PersonNames.Problem problem(String name, String folded) {
            PersonNames.Problem p = PersonNames.precheck(name);
            return p == PersonNames.Problem.NONE && folded.isEmpty() ? PersonNames.Problem.INVALID : p;
        }
    }

    /** Among records of one person: the active one, the director, then the smallest local id. */
    private static final Comparator<AccountAction> PRIMARY_FIRST = Comparator
            .comparing((AccountAction a) -> a instanceof AccountAction.Ensure ? 0 : 1)
            .thenComparing(a -> a instanceof AccountAction.Ensure e && e.role() == Role.DIRECTOR ? 0 : 1)
            .thenComparing(AccountAction::localId)
            .thenComparing(Object::toString);

    /** Plan order: by local id, then by content, so the input order never shows. */
    private static final Comparator<AccountAction> ORDER = Comparator
            .comparing(AccountAction::localId)
            .thenComparing(AccountAction::lastName)
            .thenComparing(AccountAction::firstName)
            .thenComparing(Object::toString);

    /**
     * Groups the positions of keys seen more than once, in increasing order. Almost every key
     * is seen once, so only repeated ones get a list (the planning benchmark showed a list per
     * record costing a sixth of a plan).
     */
    private static <K> void addIfRepeated(K key, int position, Map<K, Integer> firstSeen, Map<K, List<Integer>> groups) {
        Integer first = firstSeen.putIfAbsent(key, position);
        if (first != null) {
            groups.computeIfAbsent(key, k -> {
                List<Integer> group = new ArrayList<>(2);
                group.add(first);
                return group;
            }).add(position);
        }
    }

    /** A hash map capacity that holds {@code n} entries without resizing. */
    private static int capacityFor(int n) {
        return (int) Math.min(1L << 30, n * 4L / 3 + 1);
    }

    /** A raw value as it can safely appear in a message: control characters shown, length bounded. */
    private static String printable(String raw) {
        StringBuilder sb = new StringBuilder(Math.min(raw.length(), 80));
        for (int i = 0; i < raw.length() && sb.length() < 80; i++) {
            char c = raw.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return raw.length() > 80 ? sb + "…" : sb.toString();
    }
}
