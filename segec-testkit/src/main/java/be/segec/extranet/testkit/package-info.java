/**
 * A fake SeGEC extranet for tests of the transfer (docs/testkit.md):
 * {@link be.segec.extranet.testkit.FakeSegecServer}, the transfer protocol in memory on a real
 * loopback socket, with faults on demand ({@link be.segec.extranet.testkit.Fault}) and inspection
 * of what it received ({@link be.segec.extranet.testkit.RecordedRequest}) and holds
 * ({@link be.segec.extranet.testkit.Account}, {@link be.segec.extranet.testkit.OutboxMessage});
 * {@link be.segec.extranet.testkit.FakeSegecExtension}, which starts one per JUnit 5 test; and
 * framework-neutral generators of realistic staff data for property-based tests
 * ({@link be.segec.extranet.testkit.StaffGenerators}, seeded and shrinkable
 * {@link be.segec.extranet.testkit.Generator}s).
 *
 * <pre>{@code
 * try (FakeSegecServer extranet = FakeSegecServer.builder().school(SchoolId.of(1234), "token").start()) {
 *     HttpTransport transport = HttpTransport.builder()
 *             .baseUri(extranet.baseUri()).token(() -> "token").build();
 *     // ... run a transfer, then look at extranet.accounts() and extranet.requests()
 * }
 * }</pre>
 *
 * <p>{@code be.segec.extranet.testkit.internal} is not part of the API; the QuickTheories adapter
 * lives apart, in {@code be.segec.extranet.testkit.quicktheories}.
 */
package be.segec.extranet.testkit;
