package be.segec.extranet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.store.StateStoreException;
import be.segec.extranet.core.store.StateStoreException.Problem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** SQLState to Problem, and no password in what is logged. */
class SqlErrorsTest {

    private static Problem problem(String state, SqlErrors.Operation op) {
        return SqlErrors.problem(new SQLException("x", state), op);
    }

    @Test
    void connectionShutdownAndConcurrencyFailuresAreTransient() {
        for (String state : new String[] {"08000", "08001", "08003", "08006", "57P01", "57P02", "57P03", "40001", "40P01", "53300"}) {
            for (SqlErrors.Operation op : SqlErrors.Operation.values()) {
                assertThat(problem(state, op)).as(state + " " + op).isEqualTo(Problem.UNAVAILABLE);
            }
        }
        assertThat(SqlErrors.problem(new SQLTransientConnectionException("pool timeout"), SqlErrors.Operation.READ))
                .as("a pool out of connections (no SQLState)").isEqualTo(Problem.UNAVAILABLE);
    }

    @Test
    void otherFailuresAreNotTransientAndNamedByWhatFailed() {
        assertThat(problem("42501", SqlErrors.Operation.READ)).isEqualTo(Problem.CANNOT_READ);
        assertThat(problem("42501", SqlErrors.Operation.WRITE)).isEqualTo(Problem.CANNOT_WRITE);
        assertThat(problem("42501", SqlErrors.Operation.LOCK)).isEqualTo(Problem.CANNOT_LOCK);
        assertThat(problem("42P01", SqlErrors.Operation.READ)).as("a table dropped").isEqualTo(Problem.DAMAGED);
        assertThat(problem("53100", SqlErrors.Operation.WRITE)).as("disk full").isEqualTo(Problem.CANNOT_WRITE);
        assertThat(problem("28P01", SqlErrors.Operation.READ)).as("wrong password").isEqualTo(Problem.CANNOT_READ);
        assertThat(problem("28P01", SqlErrors.Operation.SCHEMA)).isEqualTo(Problem.OTHER);
        assertThat(problem(null, SqlErrors.Operation.WRITE)).isEqualTo(Problem.CANNOT_WRITE);
        // the server answered and refused the login: the next run would be refused the same way
        assertThat(problem("08004", SqlErrors.Operation.READ)).as("password required, none given").isEqualTo(Problem.CANNOT_READ);
        assertThat(problem("28000", SqlErrors.Operation.LOCK)).as("no such role").isEqualTo(Problem.CANNOT_LOCK);
        assertThat(problem("3D000", SqlErrors.Operation.SCHEMA)).as("no such database").isEqualTo(Problem.OTHER);
        assertThat(SqlErrors.translate(new SQLException("x", "28P01"), SqlErrors.Operation.READ, null, "reading").isTransient()).isFalse();
    }

    @Test
    void passwordsAreCutFromMessagesAndCauses() {
        SQLException e = new SQLException("Cannot connect to jdbc:postgresql://db:5432/segec?user=app&password=hunter2&ssl=true"
                + " (postgresql://app:hunter3@db/segec, pwd=hunter4)", "08001");
        e.setNextException(new SQLException("again password: hunter5", "08001"));
        StateStoreException x = SqlErrors.translate(e, SqlErrors.Operation.READ, SchoolId.of(1234), "reading the journal");
        StringWriter trace = new StringWriter();
        x.printStackTrace(new PrintWriter(trace));
        String all = x.getMessage() + trace + x.getCause().getMessage() + ((SQLException) x.getCause()).getNextException().getMessage();
        assertThat(all).doesNotContain("hunter2", "hunter3", "hunter4", "hunter5");
        assertThat(x.getMessage()).contains("school 1234", "08001", "password=***", "app:***@");
        assertThat(x.problem()).isEqualTo(Problem.UNAVAILABLE);
    }
}
