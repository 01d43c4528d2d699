package be.segec.extranet.core.transfer;

import be.segec.extranet.core.StaffMember;
import java.util.List;

/**
 * Reads the school's staff list from the school software, when (and only when) a run has
 * consent to send it. Exceptions it throws reach the caller of the run.
 */
@FunctionalInterface
public interface StaffSource {

    /**
     * The staff list as the school software holds it now.
     *
     * @return the records, one per staff member
     */
    List<StaffMember> read();
}
