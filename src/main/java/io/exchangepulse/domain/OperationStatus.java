package io.exchangepulse.domain;

/** Where an operation stands; a later event never moves it back. */
public enum OperationStatus {
    OPEN("Open"),
    ACTION_TAKEN("Action taken"),
    CLOSED("Closed");

    private final String displayName;

    OperationStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public OperationStatus after(OperationEventType event) {
        OperationStatus next = switch (event) {
            case COORDINATED_ACTION -> ACTION_TAKEN;
            case CLOSED -> CLOSED;
            default -> OPEN;
        };
        return next.ordinal() > ordinal() ? next : this;
    }
}
