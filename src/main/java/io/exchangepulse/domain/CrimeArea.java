package io.exchangepulse.domain;

/** The crime areas of the seed's 2008 table, plus environmental crime; each belongs to one task force. */
public enum CrimeArea {
    HUMAN_TRAFFICKING("Human trafficking (THB)", TaskForce.HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION),
    ILLEGAL_IMMIGRATION("Illegal immigration", TaskForce.HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION),
    DRUG_TRAFFICKING("Drug trafficking", TaskForce.DRUGS),
    SMUGGLING_CUSTOMS_FRAUD("Smuggling & customs fraud", TaskForce.SMUGGLING_CUSTOMS_FRAUD),
    COUNTERFEIT_CURRENCY("Counterfeit currency", TaskForce.FINANCIAL_COMPUTER_CRIME),
    MONEY_LAUNDERING("Money laundering", TaskForce.FINANCIAL_COMPUTER_CRIME),
    STOLEN_VEHICLES("Stolen vehicles", TaskForce.STOLEN_VEHICLES),
    TERRORISM("Terrorism", TaskForce.TERRORISM),
    CONTAINER_SECURITY("Container security", TaskForce.CONTAINER_SECURITY),
    ECONOMIC_CRIME("Economic crimes", TaskForce.FINANCIAL_COMPUTER_CRIME),
    ENVIRONMENTAL_CRIME("Environmental crime", TaskForce.ENVIRONMENT_NATURE);

    private final String displayName;
    private final TaskForce taskForce;

    CrimeArea(String displayName, TaskForce taskForce) {
        this.displayName = displayName;
        this.taskForce = taskForce;
    }

    public String displayName() {
        return displayName;
    }

    public TaskForce taskForce() {
        return taskForce;
    }
}
