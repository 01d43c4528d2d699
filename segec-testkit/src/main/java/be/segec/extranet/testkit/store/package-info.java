/**
 * The contract every {@link be.segec.extranet.core.store.StateStore} keeps, as a JUnit 5 test
 * suite to extend: the library runs it against its memory, file and PostgreSQL stores, and a
 * vendor runs it against their own.
 */
package be.segec.extranet.testkit.store;
