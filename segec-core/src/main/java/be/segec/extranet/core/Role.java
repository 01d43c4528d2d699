package be.segec.extranet.core;

/** The role an access gives in one school. */
public enum Role {
    TEACHER,
    DIRECTOR
}
