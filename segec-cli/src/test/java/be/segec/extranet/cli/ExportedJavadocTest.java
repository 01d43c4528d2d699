package be.segec.extranet.cli;

import be.segec.extranet.build.apidump.ExportedJavadocContract;

/** The javadoc of segec-cli's exported packages is complete (the checks are {@link ExportedJavadocContract}'s). */
class ExportedJavadocTest extends ExportedJavadocContract {
}
