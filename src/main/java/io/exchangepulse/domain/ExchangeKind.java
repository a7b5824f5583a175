package io.exchangepulse.domain;

/** The seed's two columns of the crime-area table. */
public enum ExchangeKind {
    REQUEST,
    INFORMATION
}
