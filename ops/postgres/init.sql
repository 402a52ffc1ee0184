-- One database, one schema per service (each service's Flyway creates its own schema).
create database switchboard;
