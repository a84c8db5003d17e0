-- A ministry's shortlist of candidates for one of its offers: a private working list, separate
-- from the review workflow (marking a candidate tells nobody anything; expressing interest does).
CREATE TABLE offer_shortlist (
    offer_id   bigint      NOT NULL REFERENCES transfer_offer (id) ON DELETE CASCADE,
    profile_id bigint      NOT NULL REFERENCES manufacturer_profile (id) ON DELETE CASCADE,
    added_by   text        NOT NULL,
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (offer_id, profile_id)
);
CREATE INDEX offer_shortlist_profile ON offer_shortlist (profile_id);
