-- The instances that write to the change log. A replica catching up reads the log's recent rows
-- only while another instance is registered (or when it has not caught up for a while, or an
-- instance of an earlier version announced a change without its origin), where it
-- used to read the whole late-commit window (a thousand rows, on a single instance all of them its
-- own, only to skip them) on every write and every notification. An instance registers with its
-- changes, in the same statement, and marks itself retired when it stops; origins retired for a
-- minute or silent for a day are pruned (see ChangeFeed).
CREATE TABLE change_origin (
    origin     text PRIMARY KEY,
    retired_at timestamptz
);
INSERT INTO change_origin (origin) SELECT DISTINCT origin FROM entity_change;
-- Each origin's newest change, for the prune.
CREATE INDEX entity_change_origin ON entity_change (origin, id);
