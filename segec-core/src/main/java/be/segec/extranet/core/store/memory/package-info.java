/**
 * The state kept in memory ({@link be.segec.extranet.core.store.memory.MemoryStateStore}): lost
 * with the process, so the next process asks for consent again and sends every record once. For
 * a vendor's tests, and for applications that keep nothing between restarts.
 */
package be.segec.extranet.core.store.memory;
