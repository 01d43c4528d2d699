package be.segec.extranet.testkit.internal;

import be.segec.extranet.core.SchoolId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The bearer tokens the fake extranet knows, each bound to one school. Thread-safe. */
public final class Tokens {

    private final Map<String, SchoolId> schools = new ConcurrentHashMap<>();

    /**
     * Binds {@code token} to {@code school}; a school may hold several tokens (rotation).
     *
     * @throws IllegalArgumentException if the token is blank, not printable ASCII, or bound to another school
     */
    public void register(SchoolId school, String token) {
        bind(schools, school, token);
    }

    /**
     * Binds {@code token} to {@code school} in {@code tokens} with the checks of
     * {@link #register}: for builders that collect schools before a server exists.
     */
    public static void bind(Map<String, SchoolId> tokens, SchoolId school, String token) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || token.length() > 4096 || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("A token is 1 to 4096 visible ASCII characters");
        }
        SchoolId before = tokens.putIfAbsent(token, school);
        if (before != null && !before.equals(school)) {
            throw new IllegalArgumentException("This token is already bound to school " + before);
        }
    }

    public Optional<SchoolId> schoolOf(String token) {
        return Optional.ofNullable(schools.get(token));
    }
}
