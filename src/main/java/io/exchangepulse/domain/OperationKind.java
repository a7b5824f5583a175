package io.exchangepulse.domain;

/** The seed's two sorts of joint work: case-driven investigations and region-wide operations. */
public enum OperationKind {
    JOINT_INVESTIGATION,
    REGIONAL_OPERATION
}
