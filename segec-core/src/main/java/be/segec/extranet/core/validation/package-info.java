/**
 * The record rules the policy applies, usable on their own: names
 * ({@link be.segec.extranet.core.validation.PersonNames}), birth dates
 * ({@link be.segec.extranet.core.validation.BirthDates}) and e-mail addresses
 * ({@link be.segec.extranet.core.validation.EmailAddresses}), and the same rules as Jakarta
 * Validation constraints on {@link be.segec.extranet.core.StaffMember}
 * ({@link be.segec.extranet.core.validation.StaffValidation}). A vendor uses them to check a record
 * where it is typed, before any transfer.
 */
package be.segec.extranet.core.validation;
