package io.exchangepulse.identity;

/** What a caller may do, as the service's own client roles name it (src/docs/security.md, "Identity and access"). */
public enum Role {
    /** Sends exchanges as its own party, and events of the operations its party takes part in. */
    LIAISON("liaison"),
    /** Sees only its task forces, in every query and every live view. */
    TASK_FORCE_LEADER("task-force-leader"),
    /** Sees the whole center, read-only: the wall display. */
    WALL("wall"),
    /** Sees everything, read-only. */
    ANALYST("analyst"),
    /** Everything, including loading archived history. */
    ADMIN("admin");

    public static final String LIAISON_NAME = "liaison";
    public static final String TASK_FORCE_LEADER_NAME = "task-force-leader";
    public static final String WALL_NAME = "wall";
    public static final String ANALYST_NAME = "analyst";
    public static final String ADMIN_NAME = "admin";

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }
}
