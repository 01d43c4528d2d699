package be.segec.extranet.core.policy;

/**
 * The mass-deactivation guard of domain rule 8: a run stops when the accesses it would
 * deactivate, among those last acknowledged as active, are more than {@code share} of them AND
 * more than {@code floor}.
 *
 * @param share a fraction in [0, 1] (0.20 = 20 %)
 * @param floor an absolute count, at least 0
 */
public record GuardThreshold(double share, int floor) {

    /** 20 % of the active accesses and more than 3: the guard of domain rule 8. */
    public static final GuardThreshold DEFAULT = new GuardThreshold(0.20, 3);

    /**
     * Checks the ranges.
     *
     * @param share a fraction in [0, 1] (0.20 = 20 %)
     * @param floor an absolute count, at least 0
     * @throws IllegalArgumentException when a value is out of range
     */
    public GuardThreshold {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("share must be in [0, 1], got " + share);
        }
        if (floor < 0) {
            throw new IllegalArgumentException("floor must be >= 0, got " + floor);
        }
    }

    /**
     * Whether deactivating {@code deactivations} of {@code active} acknowledged accesses trips.
     *
     * @param deactivations the accesses the run would deactivate, among the active ones
     * @param active the accesses last acknowledged as active
     * @return true when the run must stop
     */
    public boolean trips(int deactivations, int active) {
        return deactivations > floor && deactivations > share * active;
    }
}
