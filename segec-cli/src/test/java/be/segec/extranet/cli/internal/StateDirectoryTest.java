package be.segec.extranet.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {

    private static CliContext context(Map<String, String> env, String home, boolean windows) {
        PrintWriter w = new PrintWriter(new StringWriter());
        return new CliContext(w, w, env, Clock.systemUTC(), home, windows);
    }

    @Test
    void theDefaultIsAHiddenFolderInTheHomeDirectory() {
        assertThat(StateDirectory.defaultFor(context(Map.of(), "/home/secretariat", false)))
                .isEqualTo(Path.of("/home/secretariat", ".segec-transfer"));
    }

    @Test
    void onWindowsItIsInAppData() {
        assertThat(StateDirectory.defaultFor(context(Map.of("APPDATA", "/users/sec/AppData/Roaming"), "/users/sec", true)))
                .isEqualTo(Path.of("/users/sec/AppData/Roaming", "segec-transfer"));
        assertThat(StateDirectory.defaultFor(context(Map.of(), "/users/sec", true)))
                .isEqualTo(Path.of("/users/sec", "AppData", "Roaming", "segec-transfer"));
    }

    @Test
    void aCreatedDirectoryIsOwnerOnlyButAnExistingOneIsLeftAsItIs(@TempDir Path tmp) throws IOException {
        Path created = StateDirectory.prepare(tmp.resolve("a/b/state"));
        assertThat(created).isDirectory();
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rwx------");
        }
        StateDirectory.prepare(shared);
        if (posix) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-xr-x");
        }
    }
}
