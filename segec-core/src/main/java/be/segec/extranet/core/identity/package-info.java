/**
 * Who a person is for the extranet: names as typed and birth date
 * ({@link be.segec.extranet.core.identity.PersonIdentity}) and the folded
 * {@link be.segec.extranet.core.identity.IdentityKey} that makes them one account across schools.
 * A vendor uses it to recognise a person the way the extranet does (and a store, to keep only the
 * key's digest rather than names and birth dates).
 */
package be.segec.extranet.core.identity;
