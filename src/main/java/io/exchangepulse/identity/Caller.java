package io.exchangepulse.identity;

import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.platform.Problem;
import io.exchangepulse.platform.ProblemException;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the token says: their name, roles, party and agency (a liaison's), and task forces
 * (a leader's). The service's decisions of who may send what, and see what, are made here.
 */
public record Caller(String name, Set<Role> roles, Optional<Party> party, Optional<String> agency, Set<TaskForce> taskForces) {

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller may send an exchange from {@code from}: a liaison only as its own party. */
    public boolean maySendAs(Party from) {
        return is(Role.ADMIN) || (is(Role.LIAISON) && party.filter(own -> own == from).isPresent());
    }

    /** Whether the caller may send an event of an operation whose parties are these. */
    public boolean mayReportFor(List<Party> parties) {
        return is(Role.ADMIN) || (is(Role.LIAISON) && party.filter(parties::contains).isPresent());
    }

    /** Whether the caller may report an operation's result in {@code country}: a liaison only in its own. */
    public boolean mayReportResultIn(Party country) {
        return is(Role.ADMIN) || party.filter(own -> own == country).isPresent();
    }

    /** The whole center: the wall, analysts and administrators; a leader sees only its task forces. */
    public boolean seesWholeCenter() {
        return is(Role.WALL) || is(Role.ANALYST) || is(Role.ADMIN);
    }

    /** The task forces the caller may see: all, or a leader's own. */
    public Set<TaskForce> visibleTaskForces() {
        return seesWholeCenter() ? EnumSet.allOf(TaskForce.class)
                : taskForces.isEmpty() ? EnumSet.noneOf(TaskForce.class) : EnumSet.copyOf(taskForces);
    }

    public boolean maySee(TaskForce taskForce) {
        return visibleTaskForces().contains(taskForce);
    }

    /** Refuses a task force the caller may not see: a 403 that says which it may. */
    public void requireSight(TaskForce taskForce) {
        if (!maySee(taskForce)) {
            throw new ProblemException(Problem.of("not-your-task-force", "Not your task force", 403,
                    name + " sees only " + visibleTaskForces() + ", not " + taskForce));
        }
    }

    /** Who sent a record, as it is kept with it: the name, and the party it spoke for. */
    public String sender() {
        return name + party.map(p -> " (" + p.name() + agency.map(a -> ", " + a).orElse("") + ")").orElse("");
    }
}
