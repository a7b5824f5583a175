package io.exchangepulse.domain;

/** One broken rule of one submitted item: the field it concerns and what is wrong, in words. */
public record Violation(String field, String message) {
}
