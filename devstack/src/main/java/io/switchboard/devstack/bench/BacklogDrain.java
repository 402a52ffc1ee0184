package io.switchboard.devstack.bench;

/** How the wait for a step's backlog ended. */
record BacklogDrain(double seconds, boolean done, long pending, long lag) {}
