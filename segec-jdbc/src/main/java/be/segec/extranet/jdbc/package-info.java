/**
 * The transfer's state in PostgreSQL 14 or later, for a vendor running many schools on several
 * nodes that share one database: {@link be.segec.extranet.jdbc.PostgresStateStore} (journal,
 * consent and school locks behind the {@code be.segec.extranet.core.store} SPI) and {@link
 * be.segec.extranet.jdbc.PostgresSchema} (the tables, shipped as the versioned script
 * {@code be/segec/extranet/jdbc/V1__segec_state.sql}). Plain {@code java.sql} through the
 * vendor's {@code DataSource}, which brings the PostgreSQL driver.
 */
package be.segec.extranet.jdbc;
