package io.exchangepulse.domain;

/** Where a party stands in the center (DOMAIN.md: "Who exchanges"). */
public enum PartyRole {
    MEMBER,
    /** Georgia: applicant, and an observer meanwhile. */
    APPLICANT,
    OBSERVER,
    /** Permanent advisors and observer missions; API.md treats them as observers. */
    ORGANISATION
}
