package be.segec.extranet.testkit;

import be.segec.extranet.build.apidump.ExportedJavadocContract;

/** The javadoc of segec-testkit's exported packages is complete (the checks are {@link ExportedJavadocContract}'s). */
class ExportedJavadocTest extends ExportedJavadocContract {
}
