package io.exchangepulse.domain;

/** The seed's two sorts of joint work: case-driven investigations and region-wide operations. */
public enum OperationKind {
    JOINT_INVESTIGATION("Joint investigation"),
    REGIONAL_OPERATION("Regional operation");

    private final String displayName;

    OperationKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
