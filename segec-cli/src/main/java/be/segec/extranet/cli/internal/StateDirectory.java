package be.segec.extranet.cli.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The folder where the command line keeps consent decisions, transfer journals and locks: a
 * per-user folder by default ({@code ~/.segec-transfer}, {@code %APPDATA%\segec-transfer} on
 * Windows). What the command line creates there is readable by its owner only where the file
 * system has POSIX permissions: it says who consented and who was sent.
 */
public final class StateDirectory {

    private static final System.Logger LOG = System.getLogger("be.segec.extranet.cli");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private StateDirectory() {
    }

    /** The default state directory for this user. */
    public static Path defaultFor(CliContext ctx) {
        if (ctx.windows()) {
            return ctx.env("APPDATA").map(Path::of).orElse(Path.of(ctx.home(), "AppData", "Roaming"))
                    .resolve("segec-transfer");
        }
        return Path.of(ctx.home(), ".segec-transfer");
    }

    /**
     * Creates the directory if absent (owner-only where POSIX permissions exist; an existing
     * directory's permissions are left as they are: it may be shared on purpose).
     */
    public static Path prepare(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return abs;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (posix()) {
            Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(DIR));
        } else {
            Files.createDirectory(abs);
        }
        return abs;
    }

    /** Makes the state files the transfer wrote in {@code dir} owner-only (best effort, POSIX only). */
    public static void tighten(Path dir) {
        if (!posix() || !Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "{consent-,journal-,school-}*")) {
            for (Path f : files) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(f, FILE);
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not restrict the state files' permissions in " + dir, e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
