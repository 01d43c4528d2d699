/**
 * The domain rules as a pure function: {@link be.segec.extranet.core.policy.TransferPolicy#plan}
 * turns a staff list and what the extranet last acknowledged into a
 * {@link be.segec.extranet.core.policy.TransferPlan}, one
 * {@link be.segec.extranet.core.policy.AccountAction} per record (ENSURE, DEACTIVATE, REJECTED,
 * IGNORED, UNCHANGED) with the messages that explain it. No I/O, no clock. A vendor uses it to
 * preview a transfer or to check its export; the engine calls it on every run.
 */
package be.segec.extranet.core.policy;
