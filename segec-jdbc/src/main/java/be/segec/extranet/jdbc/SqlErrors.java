package be.segec.extranet.jdbc;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.store.StateStoreException;
import be.segec.extranet.core.store.StateStoreException.Problem;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Pattern;

/** SQLException to StateStoreException, by SQLState. Not part of the API. */
final class SqlErrors {

    /** What failed: chooses the problem of an error that is not about the connection. */
    enum Operation { READ, WRITE, LOCK, SCHEMA }

    /** password=..., pwd=..., user:secret@ in a URL: cut from any message we repeat. */
    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:password|passwd|pwd|sslpassword)\\s*[=:]\\s*)[^\\s&;,)'\"]+|(//[^/:@\\s]+:)[^@/\\s]+@");

    private SqlErrors() {
    }

    static StateStoreException translate(SQLException e, Operation op, SchoolId school, String what) {
        Problem problem = problem(e, op);
        String state = e.getSQLState();
        String message = "PostgreSQL state store: " + what + (school == null ? "" : " for school " + school)
                + " failed (SQLState " + (state == null ? "none" : state) + "): " + redact(String.valueOf(e.getMessage()));
        return new StateStoreException(problem, message, new RedactedSqlException(e));
    }

    static Problem problem(SQLException e, Operation op) {
        SQLException x = e;
        for (int i = 0; x != null && i < 10; i++, x = x.getNextException()) {
            if (isTransient(x, x.getSQLState())) {
                return Problem.UNAVAILABLE;
            }
        }
        String s = e.getSQLState();
        if (s == null) {
            return fallback(op);
        }
        if (s.equals("53100")) {
            return Problem.CANNOT_WRITE; // disk full
        }
        if (s.equals("42501")) { // insufficient privilege
            return op == Operation.READ ? Problem.CANNOT_READ : op == Operation.LOCK ? Problem.CANNOT_LOCK : Problem.CANNOT_WRITE;
        }
        if (s.startsWith("22") || s.startsWith("23") || s.equals("42P01") || s.equals("42703")) {
            // a value or row that breaks the schema's rules, a missing table or column: not the expected rows
            return op == Operation.WRITE ? Problem.CANNOT_WRITE : Problem.DAMAGED;
        }
        return fallback(op);
    }

    private static boolean isTransient(SQLException x, String s) {
        if (isRefusedLogin(s)) {
            // the server answered and said no: a wrong user, password or database name is a
            // configuration problem that the next run repeats, not an outage
            return false;
        }
        if (x instanceof SQLTransientConnectionException || x instanceof SQLNonTransientConnectionException
                || x instanceof SQLRecoverableException) {
            return true;
        }
        if (s == null) {
            return false;
        }
        return s.startsWith("08") // connection exception
                || s.equals("57P01") || s.equals("57P02") || s.equals("57P03") // shutdown, crash, cannot connect now
                || s.equals("40001") || s.equals("40P01") // serialization failure, deadlock
                || s.equals("53300") || s.equals("53200") // too many connections, out of memory
                || s.equals("55P03") || s.equals("57014"); // lock not available, statement timeout
    }

    /**
     * 08004 (the server rejected the connection: PostgreSQL's driver says so when a password is
     * required and none was given), 28xxx (wrong user or password), 3D000 (no such database).
     */
    static boolean isRefusedLogin(String s) {
        return s != null && (s.equals("08004") || s.startsWith("28") || s.equals("3D000"));
    }

    private static Problem fallback(Operation op) {
        return switch (op) {
            case READ -> Problem.CANNOT_READ;
            case WRITE -> Problem.CANNOT_WRITE;
            case LOCK -> Problem.CANNOT_LOCK;
            case SCHEMA -> Problem.OTHER;
        };
    }

    static String redact(String text) {
        return SECRET.matcher(text).replaceAll(m -> m.group(1) != null
                ? java.util.regex.Matcher.quoteReplacement(m.group(1) + "***")
                : java.util.regex.Matcher.quoteReplacement(m.group(2) + "***@"));
    }

    /**
     * The driver's exception as a cause, with its message redacted: a vendor's logs print the
     * whole chain, and a DataSource's message may repeat its URL.
     */
    static final class RedactedSqlException extends SQLException {
        private static final long serialVersionUID = 1L;

        RedactedSqlException(SQLException e) {
            super(redact(String.valueOf(e.getMessage())), e.getSQLState(), e.getErrorCode());
            setStackTrace(e.getStackTrace());
            SQLException next = e.getNextException();
            if (next != null && next != e) {
                setNextException(new RedactedSqlException(next));
            }
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sc && sc != e) {
                initCause(new RedactedSqlException(sc));
            } else if (cause != null) {
                initCause(new RuntimeException(cause.getClass().getName() + ": " + redact(String.valueOf(cause.getMessage()))));
            }
        }

        @Override
        public String toString() {
            return "SQLException(SQLState " + getSQLState() + "): " + getMessage();
        }
    }
}
