package be.segec.extranet.core.policy;

/**
 * Why the guard stopped a plan: it would have deactivated {@code deactivations} of the
 * {@code activeAcknowledged} accesses the extranet holds as active for the school.
 */
public record GuardStop(int deactivations, int activeAcknowledged, GuardThreshold threshold) {
}
