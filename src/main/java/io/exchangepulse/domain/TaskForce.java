package io.exchangepulse.domain;

/** The center's eight specialised task forces. */
public enum TaskForce {
    DRUGS("Drug trafficking"),
    HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION("Human trafficking and illegal immigration"),
    SMUGGLING_CUSTOMS_FRAUD("Smuggling and customs fraud"),
    STOLEN_VEHICLES("Stolen vehicles"),
    FINANCIAL_COMPUTER_CRIME("Financial and computer crime"),
    TERRORISM("Terrorism"),
    CONTAINER_SECURITY("Container security"),
    ENVIRONMENT_NATURE("Environment and nature");

    private final String displayName;

    TaskForce(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
