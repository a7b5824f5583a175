package io.exchangepulse.domain;

/** What an action seized or identified; categories only, never the items' particulars. */
public enum Seizure {
    VEHICLES,
    WEAPONS,
    DRUGS,
    CASH,
    GOODS,
    DOCUMENTS,
    OTHER
}
