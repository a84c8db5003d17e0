-- The highest classification level an organization's staff are cleared for. For manufacturers
-- the facility clearance in their profile is what counts (see CallerService); for ministries and
-- the coordinating office it is set here by an admin after vetting.
ALTER TABLE organization ADD COLUMN clearance text NOT NULL DEFAULT 'UNCLASSIFIED'
    REFERENCES classification_level (code);

-- Append-only record of every change: who, when, what (field by field).
CREATE TABLE audit_event (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    subject           text,                -- the token's sub claim; null for the system itself
    username          text NOT NULL,
    organization_code text,
    entity_type       text NOT NULL,
    entity_id         text NOT NULL,
    action            text NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'DECISION')),
    changes           jsonb NOT NULL,      -- field -> {"from": ..., "to": ...}
    note              text
);
CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id, occurred_at);
CREATE INDEX audit_event_username ON audit_event (username, occurred_at);
CREATE INDEX audit_event_time ON audit_event (occurred_at);

-- Append-only is enforced by the database, not only by the absence of an API to change it.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
