package io.switchboard.routing.assignment;

/** The chosen operator and why, in words for people reading the history. */
public record Choice(String operatorId, String reason) {}
