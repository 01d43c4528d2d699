package be.segec.extranet.cli;

import be.segec.extranet.cli.internal.CliContext;
import be.segec.extranet.cli.internal.Lang;
import be.segec.extranet.cli.internal.UsageErrors;
import be.segec.extranet.cli.internal.RootCommand;
import be.segec.extranet.cli.internal.UsageException;
import be.segec.extranet.core.store.StateStoreException;
import java.io.Console;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The {@code segec} command line: {@code demo}, {@code transfer}, {@code consent},
 * {@code fake-server}, {@code --version}. {@link #main} is the only place that exits the JVM;
 * {@link #run} runs a command in-process and returns its {@link ExitCode exit code}, so that
 * tests and embedding programs call it exactly as a shell would.
 */
public final class SegecCli {

    private static final System.Logger LOG = System.getLogger("be.segec.extranet.cli");

    private SegecCli() {
    }

    /**
     * Runs one command with the process's streams and environment, then exits with its code.
     *
     * @param args the arguments, as after {@code segec} on a shell
     */
    public static void main(String[] args) {
        logging(java.util.Arrays.asList(args).contains("--verbose"));
        answerWithoutDelay();
        Charset charset = consoleCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), charset), true);
        int code = run(args, out, err, System.getenv());
        out.flush();
        err.flush();
        stopHttpClientSelectors();
        System.exit(code);
    }

    /**
     * This process is the application, so it may choose for its own JVM what the testkit never
     * sets for its users' JVMs: the JDK's HTTP server sends small answers at once instead of
     * holding them for Nagle's algorithm, which otherwise adds tens of milliseconds to every
     * exchange with {@code segec fake-server} and {@code segec demo}. A value given with
     * {@code -D} on the command line is kept.
     */
    private static void answerWithoutDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * On JDK 17 a used {@code HttpClient} leaves its selector thread in native {@code epoll_wait},
     * and the JVM then waits for it at exit (docs/performance.md, cold start). The work is done
     * and flushed here, so the command ends those threads itself
     * (they stop on interrupt). Only the command line does this, right before exiting: a library
     * never touches threads an embedding application may share.
     */
    private static void stopHttpClientSelectors() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")) {
                t.interrupt();
                try {
                    t.join(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Runs one command.
     *
     * @param args the arguments, as after {@code segec} on a shell
     * @param out  standard output: reports, and nothing else with {@code --json}
     * @param err  standard error: problems and help for a wrong call
     * @param env  the environment (SEGEC_TOKEN, APPDATA)
     * @return the exit code, 0 to 6 (see {@link ExitCode})
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return run(args, out, err, env, Clock.systemDefaultZone());
    }

    /**
     * {@link #run(String[], PrintWriter, PrintWriter, Map)} with the clock of "now" given.
     *
     * @param args  the arguments, as after {@code segec} on a shell
     * @param out   standard output: reports, and nothing else with {@code --json}
     * @param err   standard error: problems and help for a wrong call
     * @param env   the environment (SEGEC_TOKEN, APPDATA)
     * @param clock the clock that says "now"
     * @return the exit code, 0 to 6 (see {@link ExitCode})
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
        Objects.requireNonNull(args, "args");
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        CliContext context = new CliContext(out, err, env, clock, System.getProperty("user.home", "."), windows);
        CommandLine cl = commandLine(context);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The picocli command tree over {@code context}. */
    static CommandLine commandLine(CliContext context) {
        CommandLine cl = new CommandLine(new RootCommand(context));
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(SegecCli::exitCode);
        cl.setParameterExceptionHandler((e, args) -> {
            Lang l = UsageErrors.language(args);
            context.err().println(UsageErrors.describe(e, l, args));
            context.err().flush();
            return ExitCode.USAGE_OR_INPUT.code();
        });
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            int code = exitCode(e);
            String[] args = parsed.originalArgs().toArray(new String[0]);
            Lang l = UsageErrors.language(args);
            String text;
            if (e instanceof StateStoreException) {
                text = UsageErrors.stateProblem((StateStoreException) e, l);
            } else if (e instanceof UsageException || e instanceof CsvInputException) {
                text = e.getMessage();
            } else if (e instanceof IllegalArgumentException) {
                text = UsageErrors.invalid(e, l);
            } else {
                LOG.log(System.Logger.Level.DEBUG, "command failed", e);
                text = UsageErrors.internal(e, l);
            }
            // a library's or driver's text never repeats a database URL given on the command line
            context.err().println(UsageErrors.hideUrls(text, args));
            context.err().flush();
            return code;
        });
        return cl;
    }

    /**
     * A store that cannot be reached now (a database down) is a failure the next run may not have:
     * exit 4; any other state problem (a damaged file, a read-only folder, a refused login) needs a
     * person: exit 2.
     */
    private static int exitCode(Throwable e) {
        if (e instanceof StateStoreException) {
            return ((StateStoreException) e).isTransient() ? ExitCode.FAILED.code() : ExitCode.USAGE_OR_INPUT.code();
        }
        if (e instanceof UsageException || e instanceof CsvInputException
                || e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE_OR_INPUT.code();
        }
        return ExitCode.FAILED.code();
    }

    /**
     * The library logs through System.Logger (each transfer at INFO, failures at WARNING, in
     * English); the command's stderr is for people, in their language, so no logger line reaches
     * it unless {@code --verbose} asks for them all (or the user configured java.util.logging).
     */
    private static void logging(boolean verbose) {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level level = verbose ? java.util.logging.Level.FINE : java.util.logging.Level.OFF;
        root.setLevel(level);
        for (java.util.logging.Handler h : root.getHandlers()) {
            h.setLevel(level);
        }
    }

    /**
     * UTF-8, except on an interactive terminal whose encoding the JVM knows (a Windows console in
     * cp850, say): a program reading {@code --json} from a pipe always gets UTF-8 JSON.
     */
    private static Charset consoleCharset() {
        if (!interactive()) {
            return StandardCharsets.UTF_8;
        }
        for (String p : new String[] {"stdout.encoding", "sun.stdout.encoding", "native.encoding"}) {
            String name = System.getProperty(p);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    private static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a Console even when redirected; isTerminal() tells the truth there
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
