/**
 * The {@code segec} command ({@link be.segec.extranet.cli.SegecCli}) and what a program that
 * drives it or reads the same CSV file may use: the exit codes
 * ({@link be.segec.extranet.cli.ExitCode}) and the CSV reader
 * ({@link be.segec.extranet.cli.CsvStaffReader}, whose errors are
 * {@link be.segec.extranet.cli.CsvInputException}s). The command line itself is described in
 * docs/integration.md.
 *
 * <p>{@code be.segec.extranet.cli.internal} is not part of the API.
 */
package be.segec.extranet.cli;
