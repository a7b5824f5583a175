package io.exchangepulse.domain;

/** Where a party stands in the center: 13 members, an applicant, observer states and organisations. */
public enum PartyRole {
    MEMBER,
    /** Georgia: applicant, and an observer meanwhile. */
    APPLICANT,
    OBSERVER,
    /** Permanent advisors and observer missions; they count as observers. */
    ORGANISATION
}
