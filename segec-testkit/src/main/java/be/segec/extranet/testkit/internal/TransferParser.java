package be.segec.extranet.testkit.internal;

import be.segec.extranet.core.Role;
import be.segec.extranet.core.SchoolYear;
import be.segec.extranet.core.identity.IdentityKey;
import be.segec.extranet.core.validation.EmailAddresses;
import be.segec.extranet.core.validation.PersonNames;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads a transfer request body (docs/protocol.md) from its JSON tree: a wrong shape is a
 * {@link MalformedException} (400), records breaking the rules are listed as errors (422).
 */
final class TransferParser {

    /** The body does not have the protocol's shape; the message says where. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    static final String REQUIRED = "REQUIRED";
    static final String INVALID = "INVALID";
    static final String NOT_ALLOWED = "NOT_ALLOWED";

    private TransferParser() {
    }

    static ParsedTransfer parse(JsonNode root) throws MalformedException {
        if (root == null || !root.isObject()) {
            throw new MalformedException("the body must be a JSON object");
        }
        String transferId;
        try {
            transferId = UUID.fromString(text(root, "transferId")).toString();
        } catch (IllegalArgumentException e) {
            throw new MalformedException("transferId: a UUID is required");
        }
        SchoolYear year;
        try {
            year = SchoolYear.parse(text(root, "schoolYear"));
        } catch (IllegalArgumentException e) {
            throw new MalformedException("schoolYear: a school year such as 2026-2027 is required");
        }
        JsonNode records = root.get("records");
        if (records == null || !records.isArray()) {
            throw new MalformedException("records: an array is required");
        }
        List<ParsedRecord> parsed = new ArrayList<>(records.size());
        List<Problems.RecordError> errors = new ArrayList<>();
        int index = 0;
        for (JsonNode n : records.values()) {
            if (!n.isObject()) {
                throw new MalformedException("records[" + index + "]: an object is required");
            }
            new RecordReader(n, index, errors).read().ifPresent(parsed::add);
            index++;
        }
        return new ParsedTransfer(transferId, year, parsed, errors);
    }

    private static String text(JsonNode root, String name) throws MalformedException {
        JsonNode v = root.get(name);
        if (v == null || !v.isString()) {
            throw new MalformedException(name + ": a string is required");
        }
        return v.stringValue();
    }

    /** Reads one record, adding an error per broken rule. */
    private static final class RecordReader {
        private final JsonNode n;
        private final int index;
        private final List<Problems.RecordError> errors;
        private final int errorsBefore;
        private String localId = "";

        RecordReader(JsonNode n, int index, List<Problems.RecordError> errors) {
            this.n = n;
            this.index = index;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        Optional<ParsedRecord> read() {
            Optional<String> id = string("localId");
            localId = id.orElse("");
            if (id.isEmpty() || id.get().isEmpty()) {
                error("localId", REQUIRED, "every record needs the school software's local id");
            } else if (id.get().length() > 100) {
                error("localId", INVALID, "at most 100 characters");
            }
            Optional<String> action = string("action");
            Optional<String> last = string("lastName");
            Optional<String> first = string("firstName");
            Optional<String> birth = string("birthDate");
            Optional<String> email = string("email");
            Optional<String> role = string("role");
            Optional<String> accountId = string("accountId");
            if (action.isEmpty()) {
                error("action", REQUIRED, "ENSURE or DEACTIVATE is required");
                return Optional.empty();
            }
            boolean ensure = action.get().equals("ENSURE");
            if (!ensure && !action.get().equals("DEACTIVATE")) {
                error("action", INVALID, "the action is ENSURE or DEACTIVATE");
                return Optional.empty();
            }
            Optional<LocalDate> birthDate = Optional.empty();
            Optional<String> normalizedEmail = Optional.empty();
            Optional<Role> parsedRole = Optional.empty();
            boolean person;
            if (ensure) {
                person = true;
                // present only for an identity correction: the account the record was acknowledged under
                accountId.ifPresent(this::accountId);
                normalizedEmail = email(email);
                parsedRole = role(role);
            } else {
                notAllowed(email, "email", "a DEACTIVATE carries no e-mail");
                notAllowed(role, "role", "a DEACTIVATE carries no role");
                person = last.isPresent() || first.isPresent() || birth.isPresent();
                if (person) {
                    notAllowed(accountId, "accountId", "a DEACTIVATE carries the person or the account id, not both");
                } else if (accountId.isEmpty() || accountId.get().isEmpty()) {
                    error("accountId", REQUIRED, "a DEACTIVATE needs names and birth date, or the account id");
                } else {
                    accountId(accountId.get());
                }
            }
            if (person) {
                name(last, "lastName");
                name(first, "firstName");
                birthDate = birthDate(birth);
            }
            if (errors.size() > errorsBefore) {
                return Optional.empty();
            }
            Optional<IdentityKey> key = Optional.empty();
            if (person) {
                key = IdentityKey.from(last.get(), first.get(), birthDate.get());
            }
            return Optional.of(new ParsedRecord(localId, ensure, person ? last : Optional.empty(),
                    person ? first : Optional.empty(), birthDate, normalizedEmail, parsedRole,
                    ensure || !person ? accountId : Optional.empty(), key));
        }

        private void accountId(String value) {
            if (value.isEmpty() || value.length() > 64) {
                error("accountId", INVALID, "an account id has 1 to 64 characters");
            }
        }

        private Optional<String> string(String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isString()) {
                error(field, INVALID, "a string is required");
                return Optional.empty();
            }
            return Optional.of(v.stringValue());
        }

        private void notAllowed(Optional<String> value, String field, String detail) {
            if (value.isPresent()) {
                error(field, NOT_ALLOWED, detail);
            }
        }

        private void name(Optional<String> value, String field) {
            switch (PersonNames.check(value.orElse(null))) {
                case MISSING -> error(field, REQUIRED, "the name is required");
                case INVALID -> error(field, INVALID, "the name has no letter and no digit");
                case TOO_LONG -> error(field, INVALID, "the name is longer than " + PersonNames.MAX_LENGTH + " characters");
                case INVISIBLE_CHARACTER -> error(field, INVALID, "the name holds the invisible character "
                        + PersonNames.codePointLabel(PersonNames.invisibleCharacter(value.orElseThrow()).orElseThrow()));
                case NONE -> { }
            }
        }

        private Optional<LocalDate> birthDate(Optional<String> value) {
            if (value.isEmpty()) {
                error("birthDate", REQUIRED, "the birth date is required");
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(value.get()));
            } catch (DateTimeParseException e) {
                error("birthDate", INVALID, "not an ISO date");
                return Optional.empty();
            }
        }

        private Optional<String> email(Optional<String> value) {
            if (value.isEmpty() || value.get().isBlank()) {
                error("email", REQUIRED, "the e-mail is required");
                return Optional.empty();
            }
            Optional<String> normalized = EmailAddresses.normalize(value.get());
            if (normalized.isEmpty()) {
                error("email", INVALID, "not a deliverable e-mail address");
            }
            return normalized;
        }

        private Optional<Role> role(Optional<String> value) {
            if (value.isEmpty()) {
                error("role", REQUIRED, "TEACHER or DIRECTOR is required");
                return Optional.empty();
            }
            if (value.get().equals("TEACHER")) {
                return Optional.of(Role.TEACHER);
            }
            if (value.get().equals("DIRECTOR")) {
                return Optional.of(Role.DIRECTOR);
            }
            error("role", INVALID, "the role is TEACHER or DIRECTOR");
            return Optional.empty();
        }

        private void error(String field, String code, String detail) {
            errors.add(new Problems.RecordError(index, localId, field, code, detail));
        }
    }
}
