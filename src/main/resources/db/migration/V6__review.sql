-- Review workflow state kept on the match itself; every decision and its note is also in the
-- audit trail (action DECISION).
ALTER TABLE match_result ADD COLUMN on_hold boolean NOT NULL DEFAULT false;
ALTER TABLE match_result ADD COLUMN review_note text;
ALTER TABLE match_result ADD COLUMN decided_by text;
ALTER TABLE match_result ADD COLUMN decided_at timestamptz;
CREATE INDEX match_result_review_queue ON match_result (status, score DESC) WHERE status <> 'SUGGESTED';
