package io.exchangepulse.domain;

/** The life cycle of an operation, as Tara went through it. */
public enum OperationEventType {
    OPENED,
    OPERATIONAL_MEETING,
    COORDINATED_ACTION,
    RESULT,
    CLOSED
}
