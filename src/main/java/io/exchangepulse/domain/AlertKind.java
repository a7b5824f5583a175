package io.exchangepulse.domain;

/** What is unusual about an alert's subject; the dashboard names each kind from the contract. */
public enum AlertKind {
    /** Far more exchanges than usual. */
    SURGE("Surge"),
    /** Far fewer than usual, where activity was expected. */
    LULL("Lull"),
    /** Counting is further behind than the stall limit: the numbers on the wall are not moving. */
    STALLED("Stalled");

    private final String displayName;

    AlertKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
