/**
 * The transfer's state (journal, consent, school locks) in PostgreSQL 14+, through plain JDBC and
 * the vendor's {@code DataSource}. No driver is required here: the vendor's {@code DataSource}
 * brings the one they run.
 */
module be.segec.extranet.jdbc {
    requires transitive be.segec.extranet.core;
    // PostgresStateStore.open takes a javax.sql.DataSource
    requires transitive java.sql;

    exports be.segec.extranet.jdbc;
}
