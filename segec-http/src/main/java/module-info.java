/**
 * The transfer's wire protocol over the JDK's {@code java.net.http} client, with Jackson 3
 * streaming. {@code be.segec.extranet.http.internal} is not exported.
 */
module be.segec.extranet.http {
    requires transitive be.segec.extranet.core;
    // HttpTransport.Builder takes an HttpClient; the transport cannot run without the module
    requires transitive java.net.http;
    requires tools.jackson.core;

    exports be.segec.extranet.http;
}
