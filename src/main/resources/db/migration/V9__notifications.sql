-- In-app notifications. Users live in Keycloak, not here, so a notification is addressed to an
-- organization and shown to every member; each member has their own read state. The match a
-- notification is about is found again by its (offer, profile) pair, which outlives a suggestion
-- that drops out of the ranking and comes back with a new match id.
CREATE TABLE notification (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('NEW_MATCH', 'INTEREST', 'DECISION')),
    -- what happened: SUGGESTED for a new match, the review action for interest and decisions
    event           text NOT NULL,
    offer_id        bigint NOT NULL REFERENCES transfer_offer (id) ON DELETE CASCADE,
    profile_id      bigint NOT NULL REFERENCES manufacturer_profile (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now()
);
-- The inbox and the unread count read one organization's newest notifications.
CREATE INDEX notification_inbox ON notification (organization_id, id DESC);
CREATE INDEX notification_profile ON notification (profile_id);
-- A pair is announced as a new match once per organization, however often re-matching
-- drops and restores it.
CREATE UNIQUE INDEX notification_new_match_once ON notification (organization_id, offer_id, profile_id)
    WHERE kind = 'NEW_MATCH';

-- One row per user (token subject) who has used the platform: the read mark and mute
-- preferences, and the e-mail address and language of the last sign-in, so that members who
-- are not signed in can still be mailed.
CREATE TABLE notification_preference (
    subject         text PRIMARY KEY,
    organization_id bigint REFERENCES organization (id) ON DELETE SET NULL,
    email           text,
    locale          text NOT NULL DEFAULT 'en',
    email_enabled   boolean NOT NULL DEFAULT true,
    mute_new_match  boolean NOT NULL DEFAULT false,
    mute_interest   boolean NOT NULL DEFAULT false,
    mute_decision   boolean NOT NULL DEFAULT false,
    -- "mark all read": every notification with an id up to this one is read
    read_up_to      bigint NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_preference_org ON notification_preference (organization_id) WHERE email IS NOT NULL;

-- Notifications read one by one above the user's read mark.
CREATE TABLE notification_read (
    subject         text NOT NULL,
    notification_id bigint NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    read_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, notification_id)
);
CREATE INDEX notification_read_notification ON notification_read (notification_id);
