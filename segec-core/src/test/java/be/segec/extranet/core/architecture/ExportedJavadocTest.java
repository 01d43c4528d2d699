package be.segec.extranet.core.architecture;

import be.segec.extranet.build.apidump.ExportedJavadocContract;

/** The javadoc of segec-core's exported packages is complete (the checks are {@link ExportedJavadocContract}'s). */
class ExportedJavadocTest extends ExportedJavadocContract {
}
