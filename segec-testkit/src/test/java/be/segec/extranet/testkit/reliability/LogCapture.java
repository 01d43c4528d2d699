package be.segec.extranet.testkit.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures every log line of the library at every level: System.Logger goes to java.util.logging
 * when no other backend is installed, so a handler on the root logger sees it all. Close it to
 * restore the levels.
 */
final class LogCapture implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    /** Strong references: JUL forgets the level of a logger nobody holds. */
    private final List<Logger> libraryLoggers = List.of(Logger.getLogger("be.segec"));
    private final List<Level> previousLevels = new ArrayList<>();
    private final Level previousRootLevel;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringBuilder b = new StringBuilder()
                    .append(r.getLevel()).append(' ').append(r.getLoggerName()).append(": ")
                    .append(new java.util.logging.SimpleFormatter().formatMessage(r));
            if (r.getThrown() != null) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                b.append('\n').append(w);
            }
            lines.add(b.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LogCapture() {
        previousRootLevel = root.getLevel();
        handler.setLevel(Level.ALL);
        for (Logger l : libraryLoggers) {
            previousLevels.add(l.getLevel());
            l.setLevel(Level.ALL);
        }
        root.addHandler(handler);
    }

    /** Every line captured so far, with the stack trace of a logged exception. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    String all() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(previousRootLevel);
        for (int i = 0; i < libraryLoggers.size(); i++) {
            libraryLoggers.get(i).setLevel(previousLevels.get(i));
        }
    }
}
