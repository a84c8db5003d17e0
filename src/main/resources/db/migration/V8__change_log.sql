-- Every committed change to what the matcher indexes, in commit order. Replicas apply each
-- other's changes from here: NOTIFY wakes them at once, and after a lost connection they catch
-- up by reading every id above the last one they applied.
CREATE TABLE entity_change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity_type text NOT NULL CHECK (entity_type IN ('PROFILE', 'OFFER', 'RULESET')),
    entity_id   bigint NOT NULL,
    deleted     boolean NOT NULL DEFAULT false,
    origin      text NOT NULL,               -- the instance that made the change
    changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entity_change_time ON entity_change (changed_at);
