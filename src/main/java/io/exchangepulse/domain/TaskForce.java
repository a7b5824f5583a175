package io.exchangepulse.domain;

/** The center's eight specialised task forces, in the order the dashboard lists them. */
public enum TaskForce {
    DRUGS("Drug trafficking"),
    HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION("Human trafficking & illegal immigration"),
    SMUGGLING_CUSTOMS_FRAUD("Smuggling & customs fraud"),
    STOLEN_VEHICLES("Stolen vehicles"),
    FINANCIAL_COMPUTER_CRIME("Financial & computer crime"),
    TERRORISM("Terrorism"),
    CONTAINER_SECURITY("Container security"),
    ENVIRONMENT_NATURE("Environment & nature");

    private final String displayName;

    TaskForce(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
