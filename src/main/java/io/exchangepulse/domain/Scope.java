package io.exchangepulse.domain;

import java.util.Optional;

/** Derived from the parties, never sent: the seed counts exchanges among members apart from the rest. */
public enum Scope {
    MEMBERS,
    MEMBER_OBSERVER;

    /** Empty when neither party is a member: the center does not carry such exchanges. */
    public static Optional<Scope> of(Party from, Party to) {
        if (from.isMember() && to.isMember()) {
            return Optional.of(MEMBERS);
        }
        if (from.isMember() || to.isMember()) {
            return Optional.of(MEMBER_OBSERVER);
        }
        return Optional.empty();
    }
}
