package be.segec.extranet.core.store.file;


import be.segec.extranet.core.internal.JsonReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that reads and writes state files (consent and journal): JSON documents, written
 * atomically (a temporary file in the same directory, fsync, atomic rename, then the directory
 * synced), read strictly (a damaged file is a {@link StateFileException} naming the file and what
 * to do, never "empty"). Not part of the API.
 */
final class StateFiles {

    /** Larger state files are refused: a school's journal is far smaller. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private StateFiles() {
    }

    /** Creates the state directory if absent. */
    public static Path directory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StateFileException(dir, StateFileException.Problem.CANNOT_CREATE_DIRECTORY, "Cannot create the state directory " + dir + ": " + e
                    + ". Check that it is writable by the account that runs the transfer.", e);
        }
    }

    /**
     * The JSON object stored in {@code file}, or empty when the file does not exist.
     *
     * @param ifDamaged what the person should do (and what it costs) when the file is damaged
     */
    public static Optional<StateDocument> read(Path file, String ifDamaged) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw damaged(file, "it is larger than " + MAX_BYTES + " bytes", ifDamaged, null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StateFileException(file, StateFileException.Problem.CANNOT_READ, "Cannot read the state file " + file + ": " + e
                    + ". Check its permissions.", e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw damaged(file, "it is not UTF-8 text", ifDamaged, e);
        }
        Object parsed;
        try {
            parsed = JsonReader.parse(text);
        } catch (JsonReader.JsonException e) {
            throw damaged(file, "it is not valid JSON (" + e.getMessage() + ")", ifDamaged, e);
        }
        if (!(parsed instanceof Map)) {
            throw damaged(file, "it does not hold a JSON object", ifDamaged, null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parsed;
        return Optional.of(new StateDocument(file, map, ifDamaged));
    }

    /** The exception for a file whose content is wrong. */
    static StateFileException damaged(Path file, String what, String ifDamaged, Throwable cause) {
        return new StateFileException(file, StateFileException.Problem.DAMAGED, "The state file " + file + " is damaged: " + what + ". " + ifDamaged, cause);
    }

    /**
     * What identifies one version of a state file: its file key (device and inode, or what the
     * platform has), modification time and size. A write replaces the file by another (a new
     * inode), so a file with the same stamp holds what it held when stamped.
     */
    public record Stamp(Object fileKey, FileTime modified, long size) {
        public Stamp {
            Objects.requireNonNull(fileKey, "fileKey");
            Objects.requireNonNull(modified, "modified");
        }
    }

    /** The stamp of {@code file} now; empty when it does not exist or the platform gives no file key. */
    public static Optional<Stamp> stamp(Path file) {
        try {
            return stampOf(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return Optional.empty(); // absent or unreadable: the caller reads the file and reports what is wrong
        }
    }

    private static Optional<Stamp> stampOf(BasicFileAttributes attributes) {
        return attributes.fileKey() == null ? Optional.empty()
                : Optional.of(new Stamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size()));
    }

    /**
     * Replaces {@code file} with {@code content} (a UTF-8 document) atomically: readers see the
     * old or the new file, whole. Returns the stamp of what was written, taken before the rename
     * (so it is this content's, whatever happens to the file afterwards); empty when the platform
     * gives no file key.
     */
    public static Optional<Stamp> writeAtomically(Path file, byte[] content) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Optional<Stamp> stamp = stampOf(Files.readAttributes(tmp, BasicFileAttributes.class));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new StateFileException(file, StateFileException.Problem.NO_ATOMIC_RENAME, "The file system of " + dir
                        + " cannot rename atomically; choose a local state directory.", e);
            }
            tmp = null;
            syncDirectory(dir);
            return stamp;
        } catch (IOException e) {
            throw new StateFileException(file, StateFileException.Problem.CANNOT_WRITE, "Cannot write the state file " + file + ": " + e
                    + ". Check free space and permissions; the previous version is kept.", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; a stray temporary file is harmless
                }
            }
        }
    }

    // Makes the rename itself durable. Some platforms (Windows) cannot open a directory: best effort.
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported here; the file itself was synced
        }
    }
}
