/**
 * A school's consent to the transfer: the text it agrees to
 * ({@link be.segec.extranet.core.consent.TransferDisclosure}, generated from the fields sent),
 * the decision as kept ({@link be.segec.extranet.core.consent.ConsentRecord}) and how it counts
 * now ({@link be.segec.extranet.core.consent.ConsentStatus}). A vendor shows the disclosure text
 * in the school software's consent box; the engine checks the decision before reading any staff.
 */
package be.segec.extranet.core.consent;
