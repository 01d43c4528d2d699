package be.segec.extranet.cli.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The {@code --state-db} option: a PostgreSQL JDBC URL whose user and password come from the
 * environment ({@value #USER_VARIABLE}, {@value #PASSWORD_VARIABLE}), never from the command line,
 * where any user of the machine would see them in the process list. A URL that holds a password
 * is refused, and no message ever repeats the URL (it may hold one).
 */
final class StateDb {

    /** The environment variable holding the database user. */
    static final String USER_VARIABLE = "SEGEC_DB_USER";
    /** The environment variable holding the database password. */
    static final String PASSWORD_VARIABLE = "SEGEC_DB_PASSWORD";
    /** The only URLs accepted. */
    static final String PREFIX = "jdbc:postgresql:";

    /** Connecting (TCP and the server's answer) gives up after this: a stopped server answers at once, a lost one never. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A statement's answer is awaited at most this, beyond the lock wait (a lock may be awaited in the database). */
    static final Duration SOCKET_MARGIN = Duration.ofSeconds(60);

    /** A parameter whose name ends with "password" ({@code password=}, {@code sslpassword=}, any case). */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)[?&;][^=&;?]*password=");

    private StateDb() {
    }

    /** Refuses a value that is not a usable PostgreSQL URL, or that holds a password; never repeats the value. */
    static void check(String url, Lang l) {
        String u = url.strip();
        if (holdsPassword(u)) {
            throw new UsageException(l.t("--state-db : l’adresse contient un mot de passe (password=… ou utilisateur:motdepasse@)."
                            + " Il serait visible de tous dans la liste des processus : retirez-le de l’adresse et donnez"
                            + " l’utilisateur dans la variable d’environnement " + USER_VARIABLE + " et le mot de passe dans "
                            + PASSWORD_VARIABLE + ". L’adresse n’est pas répétée ici. Rien n’a été envoyé.",
                    "--state-db: the URL holds a password (password=… or user:password@). It would show to everyone in the"
                            + " process list: remove it from the URL, and give the user in the environment variable "
                            + USER_VARIABLE + " and the password in " + PASSWORD_VARIABLE + ". The URL is not repeated here."
                            + " Nothing was sent."));
        }
        if (!u.startsWith(PREFIX) || parse(u) == null) {
            throw new UsageException(l.t("--state-db attend l’adresse JDBC d’une base PostgreSQL, de la forme"
                            + " jdbc:postgresql://serveur:5432/base ; la valeur donnée n’en est pas une (elle n’est pas répétée"
                            + " ici : elle pourrait contenir un secret). Rien n’a été envoyé.",
                    "--state-db takes the JDBC URL of a PostgreSQL database, such as jdbc:postgresql://host:5432/database;"
                            + " the value given is not one (it is not repeated here: it could hold a secret). Nothing was sent."));
        }
    }

    /**
     * Whether {@code url} holds a password: a parameter whose name says so, in the raw or the
     * percent-decoded URL, or a user-information part ({@code user:password@host}; {@code user@host}
     * is refused too, the driver would take it for a host name).
     */
    static boolean holdsPassword(String url) {
        if (PASSWORD_PARAMETER.matcher(url).find()) {
            return true;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = url;
        }
        if (PASSWORD_PARAMETER.matcher(decoded).find()) {
            return true;
        }
        int scheme = url.toLowerCase(Locale.ROOT).indexOf("//");
        if (scheme >= 0) {
            String rest = url.substring(scheme + 2);
            int end = rest.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int i = rest.indexOf(c);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            return rest.substring(0, end).contains("@");
        }
        return false;
    }

    /** The driver's reading of the URL, or null when it is not one (the driver's own error would repeat the URL). */
    private static Properties parse(String url) {
        try {
            return org.postgresql.Driver.parseURL(url, null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A data source for {@code url} (checked first), the user and password from the environment
     * ({@link #USER_VARIABLE} takes precedence over a {@code user=} in the URL). Timeouts the URL
     * does not set: {@link #CONNECT_TIMEOUT} to connect, and a statement's answer awaited at most
     * the lock wait plus {@link #SOCKET_MARGIN}; TCP keep-alive so that a session holding a lock
     * notices a server that vanished.
     */
    static DataSource dataSource(String url, Duration lockWait, CliContext ctx, Lang l) {
        check(url, l);
        String u = url.strip();
        Properties given = parse(u);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setURL(u);
        } catch (RuntimeException e) {
            // its message repeats the URL
            throw new UsageException(l.t("--state-db : l’adresse PostgreSQL n’est pas acceptée par le pilote (elle n’est pas"
                            + " répétée ici). Rien n’a été envoyé.",
                    "--state-db: the PostgreSQL driver does not accept the URL (it is not repeated here). Nothing was sent."));
        }
        ctx.env(USER_VARIABLE).map(String::strip).ifPresent(ds::setUser);
        // a password is taken as it is (blanks may belong to it) but for the line end of a file saved on
        // Windows; an unset or blank variable is no password
        String password = ctx.env().get(PASSWORD_VARIABLE);
        if (password != null && !password.isBlank()) {
            ds.setPassword(password.replaceAll("[\r\n]+$", ""));
        }
        if (!given.containsKey("connectTimeout")) {
            ds.setConnectTimeout((int) CONNECT_TIMEOUT.toSeconds());
        }
        if (!given.containsKey("loginTimeout")) {
            ds.setLoginTimeout((int) CONNECT_TIMEOUT.toSeconds() * 2);
        }
        if (!given.containsKey("socketTimeout")) {
            ds.setSocketTimeout((int) Math.min(Integer.MAX_VALUE, lockWait.plus(SOCKET_MARGIN).toSeconds()));
        }
        if (!given.containsKey("tcpKeepAlive")) {
            ds.setTcpKeepAlive(true);
        }
        if (!given.containsKey("ApplicationName")) {
            ds.setApplicationName("segec-cli " + Versions.version());
        }
        return ds;
    }
}
