package be.segec.extranet.core;

/** The role an access gives in one school. */
public enum Role {
    /** A teacher's access. */
    TEACHER,
    /** A director's access (promotion function checked, physically present). */
    DIRECTOR
}
