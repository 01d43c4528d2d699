package be.segec.extranet.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that records every statement the store runs through it, with the rows each
 * changed (the driver's update counts), and every commit: what a run costs, measured at the JDBC
 * boundary rather than assumed.
 */
final class CountingDataSource implements DataSource {

    /** One statement run: its SQL, and the rows it changed (-1 for a query). */
    record Executed(String sql, int rows) {
        boolean isWrite() {
            String s = sql.strip().toUpperCase(Locale.ROOT);
            return s.startsWith("INSERT") || s.startsWith("UPDATE") || s.startsWith("DELETE") || s.startsWith("WITH");
        }

        boolean touches(String table) {
            return sql.matches("(?s).*\\b" + table + "\\b.*");
        }
    }

    private final DataSource target;
    private final List<Executed> executed = new ArrayList<>();
    private int commits;
    private int connections;

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    synchronized List<Executed> executed() {
        return List.copyOf(executed);
    }

    synchronized int commits() {
        return commits;
    }

    synchronized int connections() {
        return connections;
    }

    synchronized void reset() {
        executed.clear();
        commits = 0;
        connections = 0;
    }

    private synchronized void record(String sql, int rows) {
        executed.add(new Executed(sql, rows));
    }

    private synchronized void committed() {
        commits++;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection c) {
        synchronized (this) {
            connections++;
        }
        InvocationHandler h = (proxy, m, args) -> {
            Object result = invoke(c, m, args);
            if (m.getName().equals("commit")) {
                committed();
            }
            if (m.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
                return statement(PreparedStatement.class, ps, (String) args[0]);
            }
            if (m.getName().equals("createStatement") && result instanceof Statement st) {
                return statement(Statement.class, st, null);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private <T extends Statement> T statement(Class<T> type, T st, String preparedSql) {
        List<String> batch = new ArrayList<>();
        InvocationHandler h = (proxy, m, args) -> {
            String name = m.getName();
            if (name.equals("addBatch") && args == null) {
                batch.add(preparedSql);
            }
            Object result = invoke(st, m, args);
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
            switch (name) {
                case "executeQuery" -> record(sql, -1);
                case "executeUpdate" -> record(sql, (Integer) result);
                case "execute" -> record(sql, st.getUpdateCount());
                case "executeBatch" -> {
                    int[] counts = (int[]) result;
                    for (int i = 0; i < counts.length; i++) {
                        record(batch.get(i), counts[i]);
                    }
                    batch.clear();
                }
                default -> {
                    // not a statement run
                }
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
