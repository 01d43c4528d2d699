/**
 * The transfer's wire protocol (docs/protocol.md) over HTTPS: {@link be.segec.extranet.http.HttpTransport},
 * the {@link be.segec.extranet.core.transfer.Transport} the engine sends through.
 *
 * <pre>{@code
 * HttpTransport transport = HttpTransport.builder()
 *         .baseUri(URI.create("https://extranet.segec.be"))
 *         .token(() -> vault.tokenOf(school))          // read before every attempt: rotatable
 *         .userAgent("ProEco", "24.1")                 // segec-transfer/0.1.0 (ProEco/24.1)
 *         .build();                                    // defaults: 10 s connect, 30 s per attempt,
 *                                                      // RetryPolicy.defaults(), 500 records per request
 * SegecTransfer transfer = SegecTransfer.builder().transport(transport).stateDirectory(dir).build();
 * }</pre>
 *
 * <p>Failures are {@link be.segec.extranet.http.HttpTransportException}s (a
 * {@link be.segec.extranet.core.transfer.TransportException}): {@link be.segec.extranet.http.ServerRejectedException}
 * (a 3xx/4xx that trying again cannot change), {@link be.segec.extranet.http.RetriesExhaustedException}
 * (unreachable, or transient errors until the {@link be.segec.extranet.http.RetryPolicy} gave up),
 * {@link be.segec.extranet.http.UndecodableResponseException} (an answer outside the protocol) and
 * {@link be.segec.extranet.http.TransportInterruptedException}. The logger
 * {@code be.segec.extranet.http.HttpTransport} (System.Logger) writes one DEBUG line per attempt
 * and one INFO line per request (WARNING when it fails); neither lines nor messages ever hold the
 * token, and e-mail addresses in them are masked.
 *
 * <p>{@code be.segec.extranet.http.internal} is not part of the API.
 */
package be.segec.extranet.http;
