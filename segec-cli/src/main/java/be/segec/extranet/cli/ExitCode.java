package be.segec.extranet.cli;

import be.segec.extranet.core.transfer.TransferReport;
import java.util.Objects;

/**
 * The exit codes of the {@code segec} command, a contract vendors' scripts branch on
 * (docs/integration.md, "Exit codes"). They never change meaning.
 */
public enum ExitCode {
    /** The transfer completed (warnings possible); also a dry run with nothing to reject, and every other command's success. */
    COMPLETED(0),
    /** The transfer completed, but some records were rejected (by the policy, or refused by the extranet as CONFLICT). */
    COMPLETED_WITH_REJECTIONS(1),
    /** A usage or input error (options, token, CSV file, state directory): nothing was sent. */
    USAGE_OR_INPUT(2),
    /** The school's consent is missing or refused: nothing was sent. */
    CONSENT_REQUIRED(3),
    /**
     * The transfer failed (extranet unreachable, request refused, retries exhausted) or another
     * transfer of the school is running: nothing is lost, the next run sends again.
     */
    FAILED(4),
    /** The mass-deactivation guard stopped the run: nothing was sent. */
    STOPPED_BY_GUARD(5),
    /**
     * Refused by the extranet: the token or the school number is wrong (401, 403, or a token that
     * cannot be sent). Nothing was taken, and retrying will not help until the configuration is fixed.
     */
    REFUSED(6);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** {@return the process exit code} */
    public int code() {
        return code;
    }

    /**
     * The exit code of a transfer that produced {@code report}. A dry run answers as the real
     * run would for rejections: 1 when records would be rejected, 0 otherwise.
     *
     * @param report the transfer's report
     * @return its exit code
     */
    public static ExitCode of(TransferReport report) {
        Objects.requireNonNull(report, "report");
        switch (report.status()) {
            case COMPLETED:
                return COMPLETED;
            case COMPLETED_WITH_REJECTIONS:
                return COMPLETED_WITH_REJECTIONS;
            case CONSENT_REQUIRED:
                return CONSENT_REQUIRED;
            case STOPPED_BY_GUARD:
                return STOPPED_BY_GUARD;
            case DRY_RUN:
                return report.rejections() > 0 ? COMPLETED_WITH_REJECTIONS : COMPLETED;
            case REFUSED:
                return REFUSED;
            case FAILED:
            default:
                return FAILED;
        }
    }
}
