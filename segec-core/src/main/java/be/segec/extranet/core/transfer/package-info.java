/**
 * Running a transfer: {@link be.segec.extranet.core.transfer.SegecTransfer} runs one school's
 * {@link be.segec.extranet.core.transfer.TransferRun} and returns a
 * {@link be.segec.extranet.core.transfer.TransferReport} (text for the secretary, JSON for
 * programs); {@link be.segec.extranet.core.transfer.TransferScheduler} runs schools
 * automatically. The wire side is the {@link be.segec.extranet.core.transfer.Transport} SPI and
 * its request, record and response values; segec-http implements it over HTTPS. A vendor builds
 * one {@code SegecTransfer}, gives it a {@link be.segec.extranet.core.transfer.StaffSource} per
 * school and shows the report.
 *
 * <p>{@code be.segec.extranet.core.transfer.internal} is not part of the API.
 */
package be.segec.extranet.core.transfer;
