/**
 * The values every part of the library shares: a school ({@link be.segec.extranet.core.SchoolId},
 * by FASE number), a {@link be.segec.extranet.core.SchoolYear}, one staff member's record as the
 * school software holds it ({@link be.segec.extranet.core.StaffMember}, built by name), the
 * fields of that record and of the wire ({@link be.segec.extranet.core.StaffField},
 * {@link be.segec.extranet.core.SentField}), the {@link be.segec.extranet.core.Role} an access
 * gives, and the root of the library's exceptions. A vendor maps its own staff table to
 * {@code StaffMember}s here and hands them to {@link be.segec.extranet.core.transfer.SegecTransfer}.
 *
 * <p>{@code be.segec.extranet.core.internal} is not part of the API.
 */
package be.segec.extranet.core;
