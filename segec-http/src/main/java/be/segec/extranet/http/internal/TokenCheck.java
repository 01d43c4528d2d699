package be.segec.extranet.http.internal;

/** Checks a bearer token before it goes into a header; messages never quote it. */
public final class TokenCheck {

    private static final int MAX_LENGTH = 4096;

    private TokenCheck() {
    }

    /** The token, if it can be sent as {@code Bearer <token>}: 1..4096 visible ASCII characters. */
    public static String bearer(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalStateException("The token supplier gave no token");
        }
        if (token.length() > MAX_LENGTH) {
            throw new IllegalStateException("The token is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalStateException("The token holds a character not allowed in an HTTP header"
                        + " (position " + i + "; the token is not shown)");
            }
        }
        return token;
    }
}
