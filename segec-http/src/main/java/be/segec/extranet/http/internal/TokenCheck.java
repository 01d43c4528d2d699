package be.segec.extranet.http.internal;

/** Checks a bearer token before it goes into a header; messages never quote it. */
public final class TokenCheck {

    private static final int MAX_LENGTH = 4096;

    private TokenCheck() {
    }

    /** A token that is present but cannot be sent as it is: a configuration error that retrying cannot fix. */
    public static final class InvalidToken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidToken(String message) {
            super(message);
        }
    }

    /**
     * The token, if it can be sent as {@code Bearer <token>}: 1..4096 visible ASCII characters.
     *
     * @throws IllegalStateException when the supplier gave no token
     * @throws InvalidToken          when the token is too long or holds a character not allowed in a header
     */
    public static String bearer(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalStateException("The token supplier gave no token");
        }
        if (token.length() > MAX_LENGTH) {
            throw new InvalidToken("The token is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new InvalidToken("The token holds a character not allowed in an HTTP header"
                        + " (position " + i + "; the token is not shown)");
            }
        }
        return token;
    }
}
