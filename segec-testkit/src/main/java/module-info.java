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
    // Optional: FakeSegecExtension and the QuickTheories adapter show their types, but a vendor who
    // uses them requires those modules anyway; "static transitive" would make every consumer's
    // javac need both (consumers/module-path compiles without them).
    requires static org.junit.jupiter.api;
    // no Automatic-Module-Name in its jar: the name comes from the file name quicktheories-0.26.jar
    requires static quicktheories;

    exports be.segec.extranet.testkit;
    exports be.segec.extranet.testkit.quicktheories;
    exports be.segec.extranet.testkit.store;
}
