package be.segec.extranet.cli.internal;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.testkit.FakeSegecServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code segec fake-server}: the fake extranet as a process, for other languages' test suites.
 * Its first line on stdout is its base URL; it serves until stopped (SIGTERM or Ctrl-C end it
 * cleanly; in-process, interrupting the thread does).
 */
@Command(name = "fake-server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the fake SeGEC extranet (loopback only) for tests in any language.",
                "The first line on stdout is its base URL, e.g. http://127.0.0.1:43121; it serves until stopped.",
                "Its /_testkit/ endpoints (accounts, outbox, requests, faults, reset) are described in docs/integration.md."})
public final class FakeServerCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The port (default: any free port).")
    int port;

    @Option(names = "--school", paramLabel = "FASE:TOKEN",
            description = "A school and its bearer token (repeatable).")
    List<String> schools = new ArrayList<>();

    @Option(names = "--request-history", paramLabel = "N",
            description = "Keep only the last N protocol requests (each holds its body), for a fake server that runs long"
                    + " or receives many transfers (default: keep all).")
    Integer requestHistory;

    @Override
    public Integer call() {
        CliContext ctx = root.context();
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port vaut 0 (un port libre) à 65535 ; reçu " + port + ".\n"
                    + "--port is 0 (any free port) to 65535; got " + port + ".");
        }
        if (requestHistory != null && requestHistory < 1) {
            throw new UsageException("--request-history garde au moins 1 requête ; reçu " + requestHistory + ".\n"
                    + "--request-history keeps at least 1 request; got " + requestHistory + ".");
        }
        Map<SchoolId, String> tokens = new LinkedHashMap<>();
        for (String s : schools) {
            int colon = s.indexOf(':');
            if (colon < 0 || colon == s.length() - 1) {
                String shown = Options.quoted(s.replaceAll(":.*", ":…"), Lang.FR);
                throw new UsageException("--school s’écrit FASE:JETON (par exemple 1234:jeton-secret) ; reçu " + shown + ".\n"
                        + "--school is FASE:TOKEN (e.g. 1234:secret-token); got " + shown + ".");
            }
            SchoolId id = Options.school(s.substring(0, colon), "--school", Lang.FR);
            if (tokens.put(id, s.substring(colon + 1)) != null) {
                throw new UsageException("--school " + id + " est donné deux fois.\n--school " + id + " is given twice.");
            }
        }
        FakeSegecServer.Builder builder = FakeSegecServer.builder().port(port);
        tokens.forEach(builder::school);
        if (requestHistory != null) {
            builder.requestHistory(requestHistory);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        FakeSegecServer server;
        try {
            server = builder.start();
        } catch (RuntimeException e) {
            throw Options.withDetail("Le faux extranet ne peut pas écouter sur le port " + port + ".\n"
                    + "The fake extranet cannot listen on port " + port + ".", e, Lang.FR);
        }
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "segec-fake-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            ctx.out().println(server.baseUri());
            ctx.out().flush();
            ctx.err().println("Fake SeGEC extranet listening on " + server.baseUri() + " for school(s) "
                    + (tokens.isEmpty() ? "none (every transfer gets 401: add --school FASE:TOKEN)" : tokens.keySet())
                    + ". Stop it with Ctrl-C or SIGTERM.");
            ctx.err().flush();
            stopped.await();
        } catch (InterruptedException e) {
            interrupted = true; // the in-process way to stop it
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it closes the server
            }
            // closed before the interrupt is restored: the server waits for its threads, and an
            // interrupted thread cannot wait
            server.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }
}
