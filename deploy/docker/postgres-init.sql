-- One role and one database per service (each service owns its schema; none reads another's).
CREATE ROLE ticket LOGIN PASSWORD 'ticket';
CREATE DATABASE ticket OWNER ticket;
CREATE ROLE ledger LOGIN PASSWORD 'ledger';
CREATE DATABASE ledger OWNER ledger;
CREATE ROLE notification LOGIN PASSWORD 'notification';
CREATE DATABASE notification OWNER notification;
