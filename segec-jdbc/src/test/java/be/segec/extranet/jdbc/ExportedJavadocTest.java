package be.segec.extranet.jdbc;

import be.segec.extranet.build.apidump.ExportedJavadocContract;

/** The javadoc of segec-jdbc's exported packages is complete (the checks are {@link ExportedJavadocContract}'s). */
class ExportedJavadocTest extends ExportedJavadocContract {
}
