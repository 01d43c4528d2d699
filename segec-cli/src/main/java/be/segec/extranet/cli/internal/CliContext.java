package be.segec.extranet.cli.internal;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command may touch of the outside world: its two output streams, the environment and
 * the clock, injected so that every command runs in-process in tests exactly as from a shell.
 *
 * @param out   standard output (reports, the fake server's URL)
 * @param err   standard error (problems, progress)
 * @param env   the environment variables (SEGEC_TOKEN, APPDATA)
 * @param clock "now" for consent decisions and the default reference date
 * @param home  the user's home directory, for the default state directory
 * @param windows whether to follow Windows conventions for the default state directory
 */
public record CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, String home,
                         boolean windows) {

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(home, "home");
    }

    /** An environment variable, empty when unset or blank. */
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
