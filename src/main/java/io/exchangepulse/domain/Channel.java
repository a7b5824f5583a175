package io.exchangepulse.domain;

/** A daily exchange, or one inside a regional operation (then it names the operation). */
public enum Channel {
    DAILY,
    OPERATION
}
