package io.exchangepulse.domain;

/** The liaison officer's service: each member sends one of each to the center. */
public enum Agency {
    POLICE,
    CUSTOMS
}
