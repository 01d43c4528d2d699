/**
 * A fake SeGEC extranet on the JDK's HTTP server, a JUnit 5 extension, and generators of staff
 * for tests of the transfer; the QuickTheories adapter in its own package. JUnit and
 * QuickTheories are optional ({@code requires static}): a vendor needs them only to use the
 * extension or the adapter. The {@code internal} packages are not exported.
 */
module be.segec.extranet.testkit {
    requires transitive be.segec.extranet.core;
    requires jdk.httpserver;
    requires tools.jackson.core;
    requires static transitive org.junit.jupiter.api;
    requires static transitive quicktheories;

    exports be.segec.extranet.testkit;
    exports be.segec.extranet.testkit.quicktheories;
}
