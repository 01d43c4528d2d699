/** A vendor's application as a named module: it reads the library's modules and nothing else of it. */
module com.example.vendor.modular {
    requires be.segec.extranet.http;
    requires be.segec.extranet.testkit;
    requires be.segec.extranet.jdbc;
    // the vendor's driver, an automatic module (its jar names it)
    requires org.postgresql.jdbc;
    // PGSimpleDataSource is a javax.naming.Referenceable
    requires java.naming;
}
