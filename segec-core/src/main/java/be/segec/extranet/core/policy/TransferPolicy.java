package be.segec.extranet.core.policy;

import be.segec.extranet.core.FieldProblem;
import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.StaffField;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.identity.NameNormalizer;
import be.segec.extranet.core.identity.PersonIdentity;
import be.segec.extranet.core.internal.Digests;
import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.validation.BirthDates;
import be.segec.extranet.core.validation.EmailAddresses;
import be.segec.extranet.core.validation.EmailCheck;
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
 * The rules of the transfer (domain rules 1 to 8, and 10) as a pure function: from the school's staff
 * list, the reference date and what the extranet last acknowledged, to a {@link TransferPlan}.
 * No I/O and no clock: the same inputs always give the same plan, whatever their order.
 *
 * <p>Immutable and thread-safe.
 */
public final class TransferPolicy {

    private final GuardThreshold guard;
    private final MonthDay rollover;

    /**
     * A policy with its own guard and first day of the school year.
     *
     * @param guard the mass-deactivation guard
     * @param rollover the first day of a school year
     */
    public TransferPolicy(GuardThreshold guard, MonthDay rollover) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.rollover = Objects.requireNonNull(rollover, "rollover");
    }

    /**
     * The default guard (20 %, floor 3) and school years starting on 1 September.
     *
     * @return the default policy
     */
    public static TransferPolicy defaults() {
        return new TransferPolicy(GuardThreshold.DEFAULT, SchoolYear.DEFAULT_ROLLOVER);
    }

    /** {@return the mass-deactivation guard} */
    public GuardThreshold guard() {
        return guard;
    }

    /** {@return the first day of a school year} */
    public MonthDay rollover() {
        return rollover;
    }

    /**
     * The school year of {@code referenceDate} under this policy's rollover day.
     *
     * @param referenceDate the school software's "today"
     * @return its school year
     */
    public SchoolYear schoolYearOf(LocalDate referenceDate) {
        return SchoolYear.of(referenceDate, rollover);
    }

    /**
     * A first transfer: nothing acknowledged yet.
     *
     * @param staff the school's staff list as exported (null elements are skipped)
     * @param referenceDate the school software's "today"
     * @return the plan
     */
    public TransferPlan plan(List<StaffMember> staff, LocalDate referenceDate) {
        return plan(staff, referenceDate, AcknowledgedState.empty(), PlanMode.DEFAULT);
    }

    /**
     * Plans one transfer.
     *
     * @param staff the school's staff list as exported (null elements are skipped)
     * @param referenceDate the school software's "today"
     * @param acknowledged what the extranet last acknowledged for this school
     * @param mode full or delta; guard confirmation
     * @return the plan
     */
    public TransferPlan plan(List<StaffMember> staff, LocalDate referenceDate,
                             AcknowledgedState acknowledged, PlanMode mode) {
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(referenceDate, "referenceDate");
        Objects.requireNonNull(acknowledged, "acknowledged");
        Objects.requireNonNull(mode, "mode");
        try (Digests.Scope digests = Digests.scope()) { // one SHA-256 engine for the plan's keys and fingerprints
            return new Planning(staff, referenceDate, acknowledged, mode).run();
        }
    }

    /** One planning run; holds the intermediate state so each rule reads as one step. */
    private final class Planning {
        private final List<StaffMember> staff;
        private final LocalDate today;
        private final LocalDate yearStart;
        private final SchoolYear year;
        private final AcknowledgedState acknowledged;
        private final PlanMode mode;
        /** The records (null elements skipped), and the action decided so far for each, by position. */
        private final List<StaffMember> records;
        private final List<AccountAction> decided;
        private final List<Message> planMessages = new ArrayList<>();
        /** Whether every acknowledged access is of an earlier school year (the plan's new-year flag). */
        private boolean newSchoolYear;
        /**
         * By position in {@code decided}: the acknowledged position of the action's identity key,
         * or -1; looked up once, by {@link #findCorrections}, for the delta too. Null on a first transfer.
         */
        private int[] positions;
        /** By position in {@code decided}: the acknowledged position a correction comes from; null until one is found. */
        private Map<Integer, Integer> corrections;
        /** The positions in {@code decided} of each identity key digest; built for the first correction candidate. */
        private Map<String, List<Integer>> recordsByDigest;

        Planning(List<StaffMember> staff, LocalDate today, AcknowledgedState acknowledged, PlanMode mode) {
            this.staff = staff;
            this.today = today;
            this.year = SchoolYear.of(today, rollover);
            this.yearStart = year.firstDay(rollover);
            this.acknowledged = acknowledged;
            this.mode = mode;
            this.records = new ArrayList<>(staff.size());
            this.decided = new ArrayList<>(staff.size());
        }

        TransferPlan run() {
            for (StaffMember m : staff) {
                if (m != null) {
                    records.add(m);
                }
            }
            Set<String> duplicatedIds = duplicatedLocalIds();
            for (StaffMember m : records) {
                decided.add(duplicatedIds.contains(m.localId()) ? duplicateId(m) : decide(m));
            }
            if (!acknowledged.isEmpty()) {
                findCorrections(); // before rule 4, which would merge a correction into the record it collides with
            }
            mergeDuplicatePersons();
            rejectSharedMailboxes();
            warnSeveralDirectors();
            Optional<GuardStop> stop = Optional.empty();
            List<AccountAction> actions = decided;
            if (!acknowledged.isEmpty()) {
                actions = compareWithAcknowledged(actions);
                stop = applyGuard(actions);
            }
            actions.sort(ORDER);
            return new TransferPlan(year, today, actions, planMessages, stop, newSchoolYear);
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
            if (!m.teaching() && !m.promotionFunction()) {
                return ignored(m, names.identity(), AccountAction.Ignored.Reason.NOT_IN_SCOPE,
                        Message.of(MessageCode.NOT_IN_SCOPE, m.displayName()));
            }
            if (m.exitDate().isPresent() && m.exitDate().get().isBefore(yearStart)) {
                return ignored(m, names.identity(), AccountAction.Ignored.Reason.LEFT_BEFORE_SCHOOL_YEAR, Message.of(MessageCode.LEFT_BEFORE_SCHOOL_YEAR, m.displayName(), m.exitDate().get().toString()));
            }
            // each check gives a message or null: no list is built for the many valid records
            Message lastName = nameProblem(m, names.last, StaffField.LAST_NAME, m.lastName());
            Message firstName = nameProblem(m, names.first, StaffField.FIRST_NAME, m.firstName());
            Message birthDate = birthDateProblem(m, names.birth);
            String email = null;
            Message emailProblem = null;
            Message emailWarning = null;
            if (m.administrativePresence()) {
                if (m.email().isEmpty()) {
                    emailProblem = Message.of(MessageCode.EMAIL_MISSING, m.displayName());
                } else {
                    EmailCheck check = EmailAddresses.check(m.email().get());
                    email = check.address().orElse(null);
                    emailProblem = emailProblem(m, check);
                    emailWarning = check.verdict() == EmailCheck.Verdict.SUSPICIOUS ? Message.of(MessageCode.EMAIL_SUSPICIOUS,
                            m.displayName(), email, check.suggestion().orElseThrow()) : null;
                }
            }
            if (lastName != null || firstName != null || birthDate != null || emailProblem != null) {
                return rejected(m, nonNull(lastName, firstName, birthDate, emailProblem));
            }
            PersonIdentity person = names.person;
            if (!m.administrativePresence()) {
                List<Message> messages = new ArrayList<>(2);
                messages.add(Message.of(MessageCode.LEAVING, m.displayName()));
                if (m.exitDate().isEmpty()) {
                    messages.add(Message.of(MessageCode.EXIT_DATE_MISSING, m.displayName()));
                }
                return new AccountAction.Deactivate(m.localId(), m.lastName(), m.firstName(), Optional.of(person),
                        Optional.empty(), AccountAction.Deactivate.Reason.LEFT, messages);
            }
            List<Message> messages = emailWarning == null ? List.of() : List.of(emailWarning);
            Role role = Role.TEACHER;
            if (m.promotionFunction()) {
                if (m.physicalPresence()) {
                    role = Role.DIRECTOR;
                } else {
                    messages = new ArrayList<>(messages);
                    messages.add(Message.of(MessageCode.DIRECTOR_ON_LEAVE, m.displayName()));
                }
            }
            if (m.exitDate().isPresent() && m.exitDate().get().isBefore(today)) {
                messages = new ArrayList<>(messages);
                messages.add(Message.of(MessageCode.STILL_PRESENT_AFTER_EXIT, m.displayName(), m.exitDate().get().toString()));
            }
            return new AccountAction.Ensure(m.localId(), person, email, role, messages);
        }

        private List<Message> nonNull(Message... messages) {
            List<Message> out = new ArrayList<>(messages.length);
            for (Message message : messages) {
                if (message != null) {
                    out.add(message);
                }
            }
            return out;
        }

        private List<Message> unreadable(StaffMember m) {
            List<Message> out = new ArrayList<>();
            for (FieldProblem p : m.fieldProblems()) {
                String where = p.location().isEmpty() ? "" : "(" + p.location() + ")";
                out.add(Message.about(MessageCode.FIELD_UNREADABLE, m.displayName(), p.field(), p.rawValue(), where));
            }
            return out;
        }

        /** NAME_INVALID's arguments: which wording (see the message texts), and its detail. */
        private Message nameProblem(StaffMember m, PersonNames.Problem problem, StaffField field, String name) {
            return switch (problem) {
                case NONE -> null;
                case MISSING -> Message.about(MessageCode.NAME_MISSING, m.displayName(), field);
                case INVALID -> Message.about(MessageCode.NAME_INVALID, m.displayName(), field, "0");
                case TOO_LONG -> Message.about(MessageCode.NAME_INVALID, m.displayName(), field, "1",
                        Integer.toString(PersonNames.MAX_LENGTH));
                case INVISIBLE_CHARACTER -> Message.about(MessageCode.NAME_INVALID, m.displayName(), field, "2",
                        PersonNames.codePointLabel(PersonNames.invisibleCharacter(name).orElseThrow()));
            };
        }

        /**
         * BIRTH_DATE_INVALID's arguments: the reference date and the age on it (-1 for a date in
         * the future), never the birth date itself, which no report shows.
         */
        private Message birthDateProblem(StaffMember m, BirthDates.Problem problem) {
            return switch (problem) {
                case NONE -> null;
                case MISSING -> Message.of(MessageCode.BIRTH_DATE_MISSING, m.displayName());
                case EMPTY_CELL -> Message.of(MessageCode.BIRTH_DATE_EMPTY_CELL, m.displayName(), m.birthDate().orElseThrow().toString());
                case IN_FUTURE -> Message.of(MessageCode.BIRTH_DATE_INVALID, m.displayName(), today.toString(), "-1");
                case TOO_YOUNG, TOO_OLD -> Message.of(MessageCode.BIRTH_DATE_INVALID, m.displayName(), today.toString(),
                        Long.toString(BirthDates.ageOn(m.birthDate().orElseThrow(), today)));
            };
        }

        private Message emailProblem(StaffMember m, EmailCheck check) {
            String raw = m.email().orElseThrow();
            return switch (check.verdict()) {
                case VALID, SUSPICIOUS -> null;
                case MALFORMED -> Message.of(MessageCode.EMAIL_INVALID, m.displayName(), raw);
                case LOCAL_PART_NOT_SUPPORTED -> Message.of(MessageCode.EMAIL_NOT_SUPPORTED, m.displayName(), raw);
                case UNKNOWN_TOP_LEVEL_DOMAIN -> Message.of(MessageCode.EMAIL_TLD_UNKNOWN, m.displayName(), raw,
                        topLevelDomain(m.email().orElseThrow()), check.suggestion().isPresent() ? "1" : "0",
                        check.suggestion().orElse(""));
            };
        }

        // Two different records with the same local id cannot be told apart in a report.
        private Set<String> duplicatedLocalIds() {
            FirstPositions seen = new FirstPositions(records.size(), new FirstPositions.Keys() {
                @Override public int hash(int position) {
                    return records.get(position).localId().hashCode();
                }

                @Override public boolean sameKey(int position, int other) {
                    return records.get(position).localId().equals(records.get(other).localId());
                }
            });
            Set<String> duplicated = new HashSet<>();
            for (int i = 0; i < records.size(); i++) {
                StaffMember m = records.get(i);
                if (!m.localId().isEmpty()) {
                    int before = seen.firstOrAdd(i);
                    if (before >= 0 && !records.get(before).equals(m)) {
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
            // only Ensure and Deactivate positions are added, and both always carry an identity here
            FirstPositions firstSeen = new FirstPositions(decided.size(), new FirstPositions.Keys() {
                @Override public int hash(int position) {
                    return identityOrNull(decided.get(position)).key().value().hashCode();
                }

                @Override public boolean sameKey(int position, int other) {
                    return identityOrNull(decided.get(position)).key().equals(identityOrNull(decided.get(other)).key());
                }
            });
            for (int i = 0; i < decided.size(); i++) {
                AccountAction a = decided.get(i);
                if (a instanceof AccountAction.Ensure || a instanceof AccountAction.Deactivate) {
                    int first = firstSeen.firstOrAdd(i);
                    if (first >= 0) {
                        group(groups, identityOrNull(a).key(), first, i);
                    }
                }
            }
            for (List<Integer> group : groups.values()) {
                group.sort(Comparator.comparing((Integer i) -> decided.get(i), PRIMARY_FIRST));
                AccountAction primary = decided.get(group.get(0));
                for (Integer i : group.subList(1, group.size())) {
                    AccountAction other = decided.get(i);
                    decided.set(i, new AccountAction.Ignored(other.localId(), other.lastName(), other.firstName(),
                            other.identity(), AccountAction.Ignored.Reason.DUPLICATE, List.of(Message.of(MessageCode.DUPLICATE_RECORD, other.displayName(),
                            primary.localId(), other.localId()))));
                }
            }
        }

        // Rule 4, first half: an e-mail is a personal login.
        private void rejectSharedMailboxes() {
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            FirstPositions firstSeen = new FirstPositions(decided.size(), new FirstPositions.Keys() {
                @Override public int hash(int position) {
                    return lowerCaseHash(((AccountAction.Ensure) decided.get(position)).email());
                }

                @Override public boolean sameKey(int position, int other) {
                    return ((AccountAction.Ensure) decided.get(position)).email().toLowerCase(Locale.ROOT)
                            .equals(((AccountAction.Ensure) decided.get(other)).email().toLowerCase(Locale.ROOT));
                }
            });
            for (int i = 0; i < decided.size(); i++) {
                if (decided.get(i) instanceof AccountAction.Ensure e) {
                    int first = firstSeen.firstOrAdd(i);
                    if (first >= 0) {
                        group(groups, e.email().toLowerCase(Locale.ROOT), first, i);
                    }
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
                            List.of(Message.of(MessageCode.EMAIL_SHARED, e.displayName(), e.email(), Message.list(others)))));
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
                planMessages.add(Message.of(MessageCode.SEVERAL_DIRECTORS, "", Message.list(directors)));
            }
        }

        // Rule 10: a local id acknowledged under another identity key is the same person, corrected.
        private void findCorrections() {
            positions = new int[decided.size()];
            boolean[] carried = new boolean[acknowledged.size()]; // by acknowledged position: a record carries that key
            for (int i = 0; i < decided.size(); i++) {
                PersonIdentity person = identityOrNull(decided.get(i));
                int position = person == null ? -1 : acknowledged.position(person.key());
                positions[i] = position;
                if (position >= 0) {
                    carried[position] = true;
                }
            }
            // a correction comes from an access whose key no record carries any more: an unchanged
            // run has none, and reads no index by local id
            Map<String, List<Integer>> formerByLocalId = null;
            for (int p = 0; p < carried.length; p++) {
                AcknowledgedAccess e = acknowledged.at(p);
                if (!carried[p] && e.accountId().isPresent() && !e.localId().isEmpty()) {
                    if (formerByLocalId == null) {
                        formerByLocalId = new HashMap<>();
                    }
                    formerByLocalId.computeIfAbsent(e.localId(), k -> new ArrayList<>(1)).add(p);
                }
            }
            if (formerByLocalId == null) {
                return;
            }
            for (int i = 0; i < decided.size(); i++) {
                AccountAction a = decided.get(i);
                List<Integer> former = formerByLocalId.get(a.localId());
                int position = positions[i];
                if (former != null && (a instanceof AccountAction.Ensure || a instanceof AccountAction.Deactivate)
                        && (position < 0 || !acknowledged.at(position).localId().equals(a.localId()))) {
                    findCorrection(i, a, identityOrNull(a), former);
                }
            }
        }

        /**
         * Records {@code a} as a correction of the access it had under another key (one of
         * {@code former}, which no record carries), or rejects it when its new key is another
         * record's (rule 4 would merge two people's records, and nothing is merged).
         */
        private void findCorrection(int i, AccountAction a, PersonIdentity person, List<Integer> former) {
            String digest = person.key().digest();
            int from = -1;
            for (int p : former) {
                AcknowledgedAccess e = acknowledged.at(p);
                // the same key written otherwise (by hand, in upper case) is no correction
                if (!e.keyDigest().equalsIgnoreCase(digest) && (from < 0 || preferred(e, acknowledged.at(from)))) {
                    from = p;
                }
            }
            if (from < 0) {
                return;
            }
            AcknowledgedAccess previous = acknowledged.at(from);
            List<String> others = new ArrayList<>();
            for (int j : recordsByDigest().get(digest)) {
                if (j != i) {
                    others.add(decided.get(j).displayName());
                }
            }
            if (!others.isEmpty()) {
                others.sort(null);
                decided.set(i, new AccountAction.Rejected(a.localId(), a.lastName(), a.firstName(), a.identity(),
                        List.of(Message.of(MessageCode.IDENTITY_COLLISION, a.displayName(), String.join(", ", others),
                                previous.lastName() + " " + previous.firstName()))));
                return;
            }
            if (corrections == null) {
                corrections = new HashMap<>();
            }
            corrections.put(i, from);
        }

        /** Among accesses of one local id: the active one, then the latest school year. */
        private boolean preferred(AcknowledgedAccess a, AcknowledgedAccess b) {
            return a.active() != b.active() ? a.active() : a.schoolYear().compareTo(b.schoolYear()) > 0;
        }

        private Map<String, List<Integer>> recordsByDigest() {
            if (recordsByDigest == null) {
                recordsByDigest = new HashMap<>();
                for (int j = 0; j < decided.size(); j++) {
                    PersonIdentity p = identityOrNull(decided.get(j));
                    if (p != null) {
                        recordsByDigest.computeIfAbsent(p.key().digest(), d -> new ArrayList<>(1)).add(j);
                    }
                }
            }
            return recordsByDigest;
        }

        /** What the extranet is told about a correction of {@code person} from the access {@code from}. */
        private IdentityCorrection correction(PersonIdentity person, AcknowledgedAccess from) {
            // the journal keeps no birth date: the former names with the new date give the former key iff the date is unchanged
            Optional<IdentityKey> formerNames = IdentityKey.from(from.lastName(), from.firstName(), person.birthDate());
            boolean namesChanged = formerNames.map(k -> !k.equals(person.key())).orElse(true);
            boolean birthDateChanged = formerNames.map(k -> !k.digest().equals(from.keyDigest())).orElse(false);
            return new IdentityCorrection(from.lastName(), from.firstName(), from.keyDigest(), from.accountId().orElseThrow(),
                    namesChanged, birthDateChanged || !namesChanged);
        }

        // Delta against the last acknowledgement, vanished records (rule 8, first half), new year (rule 9).
        private List<AccountAction> compareWithAcknowledged(List<AccountAction> actions) {
            boolean[] matched = new boolean[acknowledged.size()];
            List<AccountAction> out = new ArrayList<>(actions.size() + 8);
            for (int i = 0; i < actions.size(); i++) {
                out.add(compare(i, actions.get(i), matched));
            }
            List<AcknowledgedAccess> vanished = new ArrayList<>();
            boolean newYear = true;
            for (int i = 0; i < matched.length; i++) {
                AcknowledgedAccess ack = acknowledged.at(i);
                if (ack.active() && !matched[i]) {
                    vanished.add(ack);
                }
                newYear &= !ack.schoolYear().equals(year);
            }
            if (!vanished.isEmpty()) {
                keepPresentLocalIds(vanished, out);
            }
            for (AcknowledgedAccess ack : vanished) {
                String who = ack.lastName() + " " + ack.firstName() + (ack.localId().isEmpty() ? "" : " (id " + ack.localId() + ")");
                out.add(new AccountAction.Deactivate(ack.localId(), ack.lastName(), ack.firstName(), Optional.empty(),
                        ack.accountId(),
                        AccountAction.Deactivate.Reason.VANISHED, List.of(Message.of(MessageCode.VANISHED, who))));
            }
            if (newYear) {
                newSchoolYear = true;
                planMessages.add(Message.of(MessageCode.NEW_SCHOOL_YEAR, "", year.toString()));
            }
            return out;
        }

        /**
         * Rule 10: a local id still in the export never vanishes, whatever its record became
         * (rejected, ignored, or its identity corrected). A record no longer in scope whose
         * identity was corrected at once is deactivated under the account the extranet knows.
         */
        private void keepPresentLocalIds(List<AcknowledgedAccess> vanished, List<AccountAction> out) {
            Map<String, Integer> byLocalId = new HashMap<>(out.size() * 4 / 3 + 1);
            for (int i = 0; i < out.size(); i++) {
                if (!out.get(i).localId().isEmpty()) {
                    byLocalId.putIfAbsent(out.get(i).localId(), i);
                }
            }
            for (java.util.Iterator<AcknowledgedAccess> it = vanished.iterator(); it.hasNext(); ) {
                AcknowledgedAccess ack = it.next();
                Integer i = byLocalId.get(ack.localId());
                if (i == null) {
                    continue;
                }
                it.remove();
                AccountAction a = out.get(i);
                if (a instanceof AccountAction.Ignored ignored && ignored.identity().isPresent() && noLongerInScope(ignored)
                        && ack.accountId().isPresent() // unmatched: no record carries its key
                        && !ack.keyDigest().equalsIgnoreCase(ignored.identity().get().key().digest())) {
                    IdentityCorrection c = correction(ignored.identity().get(), ack);
                    out.set(i, new AccountAction.Deactivate(a.localId(), a.lastName(), a.firstName(), a.identity(),
                            Optional.of(c.accountId()), AccountAction.Deactivate.Reason.NO_LONGER_IN_SCOPE,
                            List.of(Message.of(MessageCode.NO_LONGER_IN_SCOPE, a.displayName())), Optional.of(c)));
                }
            }
        }

        /**
         * One record against the person's last acknowledgement, marked as matched. A method of
         * its own, called once a record, so the JIT compiles it whole: inlined into the loop, the
         * delta plan's speed varied from run to run (docs/performance.md, section 2).
         */
        private AccountAction compare(int index, AccountAction a, boolean[] matched) {
            int position = positions[index];
            if (position >= 0) {
                matched[position] = true;
            }
            if (corrections != null && corrections.containsKey(index)) {
                int from = corrections.get(index);
                matched[from] = true;
                return corrected(a, acknowledged.at(from));
            }
            if (a instanceof AccountAction.Ensure e) {
                if (!mode.full() && position >= 0 && acknowledged.isActiveAndSame(position, year, e)) {
                    return new AccountAction.Unchanged(e.localId(), e.person(), ROLES.get(e.role()), true, e.messages());
                }
                return e;
            }
            AcknowledgedAccess ack = position < 0 ? null : acknowledged.at(position);
            boolean sameYear = ack != null && ack.schoolYear().equals(year);
            if (a instanceof AccountAction.Deactivate d) {
                boolean alreadyOff = ack == null || !ack.active();
                if (!mode.full() && alreadyOff && (ack == null || sameYear)) {
                    return new AccountAction.Unchanged(d.localId(), d.identity().orElseThrow(), Optional.empty(), false, d.messages());
                }
                return new AccountAction.Deactivate(d.localId(), d.lastName(), d.firstName(), d.identity(),
                        ack == null ? Optional.empty() : ack.accountId(), d.reason(), d.messages());
            }
            if (a instanceof AccountAction.Ignored i && ack != null && ack.active() && noLongerInScope(i)) {
                return new AccountAction.Deactivate(i.localId(), i.lastName(), i.firstName(), i.identity(),
                        ack.accountId(), AccountAction.Deactivate.Reason.NO_LONGER_IN_SCOPE,
                        List.of(Message.of(MessageCode.NO_LONGER_IN_SCOPE, i.displayName())));
            }
            return a; // rejected, ignored on purpose, already unchanged
        }

        /** A corrected record: sent under the account the extranet answered for its local id. */
        private AccountAction corrected(AccountAction a, AcknowledgedAccess from) {
            if (a instanceof AccountAction.Ensure e) {
                return e.corrected(correction(e.person(), from));
            }
            if (a instanceof AccountAction.Deactivate d) {
                if (!mode.full() && !from.active() && from.schoolYear().equals(year)) {
                    return new AccountAction.Unchanged(d.localId(), d.identity().orElseThrow(), Optional.empty(), false, d.messages());
                }
                IdentityCorrection c = correction(d.identity().orElseThrow(), from);
                return new AccountAction.Deactivate(d.localId(), d.lastName(), d.firstName(), d.identity(),
                        Optional.of(c.accountId()), d.reason(), d.messages(), Optional.of(c));
            }
            return a; // rejected since (a shared mailbox): its access stays as it was
        }

        private boolean noLongerInScope(AccountAction.Ignored i) {
            return i.reason().outOfScope();
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
            if (d.correction().isPresent()) {
                return acknowledged.find(d.correction().get().previousKeyDigest()).map(AcknowledgedAccess::active).orElse(false);
            }
            int position = d.identity().map(p -> acknowledged.position(p.key())).orElse(-1);
            return position >= 0 && acknowledged.at(position).active();
        }

        private AccountAction rejected(StaffMember m, List<Message> messages) {
            return new AccountAction.Rejected(m.localId(), m.lastName(), m.firstName(), new Names(m, today).identity(), messages);
        }

        private AccountAction ignored(StaffMember m, Optional<PersonIdentity> identity, AccountAction.Ignored.Reason reason,
                                      Message message) {
            return new AccountAction.Ignored(m.localId(), m.lastName(), m.firstName(), identity, reason, List.of(message));
        }
    }

    /** One record's name and birth date checks, and the identity they make (null when they fail). */
    private static final class Names {
        final PersonNames.Problem last;
        final PersonNames.Problem first;
        final BirthDates.Problem birth;
        final PersonIdentity person;

        Names(StaffMember m, LocalDate today) {
            PersonNames.Problem lastCheck = PersonNames.precheck(m.lastName());
            PersonNames.Problem firstCheck = PersonNames.precheck(m.firstName());
            birth = BirthDates.check(m.birthDate(), today);
            // both names folded once, straight into the key; a key is empty when a name folds to nothing
            Optional<IdentityKey> key = lastCheck == PersonNames.Problem.NONE && firstCheck == PersonNames.Problem.NONE
                    && birth == BirthDates.Problem.NONE
                    ? IdentityKey.from(m.lastName(), m.firstName(), m.birthDate().orElseThrow()) : Optional.empty();
            if (key.isPresent()) {
                last = PersonNames.Problem.NONE;
                first = PersonNames.Problem.NONE;
                // sent as cleaned (NFC, spaces collapsed, soft hyphens dropped); the key ignores all of that
                person = new PersonIdentity(PersonNames.clean(m.lastName()), PersonNames.clean(m.firstName()),
                        m.birthDate().orElseThrow(), key.get());
            } else {
                last = foldedProblem(lastCheck, m.lastName());
                first = foldedProblem(firstCheck, m.firstName());
                person = null;
            }
        }

        Optional<PersonIdentity> identity() {
            return Optional.ofNullable(person);
        }

        /** A name that passes every check but folds to nothing is invalid. */
        private static PersonNames.Problem foldedProblem(PersonNames.Problem check, String name) {
            return check == PersonNames.Problem.NONE && NameNormalizer.normalize(name).isEmpty() ? PersonNames.Problem.INVALID : check;
        }
    }

    /** The identity of an action that has one, or null (an Ensure's without an Optional). */
    private static PersonIdentity identityOrNull(AccountAction a) {
        return a instanceof AccountAction.Ensure e ? e.person() : a.identity().orElse(null);
    }

    private static final Map<Role, Optional<Role>> ROLES = rolesAsOptionals();

    private static Map<Role, Optional<Role>> rolesAsOptionals() {
        Map<Role, Optional<Role>> map = new java.util.EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            map.put(r, Optional.of(r));
        }
        return map;
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
     * Adds a repeated key's position to its group, which starts with the key's first position.
     * Almost every key is seen once, so only repeated ones get a list, rather than every record.
     */
    private static <K> void group(Map<K, List<Integer>> groups, K key, int first, int position) {
        groups.computeIfAbsent(key, k -> {
            List<Integer> group = new ArrayList<>(2);
            group.add(first);
            return group;
        }).add(position);
    }

    /** {@code s.toLowerCase(Locale.ROOT).hashCode()}, without the copy for ASCII text. */
    private static int lowerCaseHash(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.toLowerCase(Locale.ROOT).hashCode();
            }
            h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return h;
    }

    /** The part of an address after its last dot, as typed but lower-cased, for a message. */
    private static String topLevelDomain(String raw) {
        String s = raw.strip();
        return s.substring(s.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
