package io.exchangepulse.domain;

/** What an action seized or identified; categories only, never the items' particulars. */
public enum Seizure {
    VEHICLES("vehicles"),
    WEAPONS("weapons"),
    DRUGS("drugs"),
    CASH("cash"),
    GOODS("goods"),
    DOCUMENTS("documents"),
    OTHER("other");

    private final String displayName;

    Seizure(String displayName) {
        this.displayName = displayName;
    }

    /** Lower case: the board writes them into a sentence ("seized: weapons, cash"). */
    public String displayName() {
        return displayName;
    }
}
