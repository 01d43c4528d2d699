package be.segec.extranet.http;

import be.segec.extranet.build.apidump.ExportedJavadocContract;

/** The javadoc of segec-http's exported packages is complete (the checks are {@link ExportedJavadocContract}'s). */
class ExportedJavadocTest extends ExportedJavadocContract {
}
