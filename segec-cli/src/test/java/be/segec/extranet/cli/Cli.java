package be.segec.extranet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the {@code segec} command in-process, exactly as a shell would, and keeps what it printed. */
final class Cli {

    private final Map<String, String> env = new HashMap<>();
    private Clock clock = Clock.systemDefaultZone();

    Cli token(String token) {
        env.put("SEGEC_TOKEN", token);
        return this;
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Cli clock(Clock c) {
        this.clock = c;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SegecCli.run(args, new PrintWriter(out), new PrintWriter(err), env, clock);
        return new Result(code, out.toString(), err.toString());
    }

    /** What one command did. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }
}
