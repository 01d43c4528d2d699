/**
 * The adapter of the testkit's {@link be.segec.extranet.testkit.Generator}s to QuickTheories: the
 * only package of the testkit that needs QuickTheories, an optional dependency.
 */
package be.segec.extranet.testkit.quicktheories;
