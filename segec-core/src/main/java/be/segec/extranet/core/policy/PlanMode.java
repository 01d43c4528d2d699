package be.segec.extranet.core.policy;

/**
 * How a plan treats what was acknowledged before.
 *
 * @param full                      send every record again, changed or not
 * @param massDeactivationConfirmed the school confirmed many departures (end of school year):
 *                                  the guard does not stop the run
 */
public record PlanMode(boolean full, boolean massDeactivationConfirmed) {

    /** Delta transfer, guard active. */
    public static final PlanMode DEFAULT = new PlanMode(false, false);
}
