-- Full re-matches are a queue shared by all replicas: whichever instance holds the advisory lock
-- runs the oldest unfinished job. A job left RUNNING by an instance that died is run again by
-- the next lock holder, so each job records who ran it last and how many runs it took.
ALTER TABLE matching_job ADD COLUMN runner text;
ALTER TABLE matching_job ADD COLUMN attempts integer NOT NULL DEFAULT 0;
CREATE INDEX matching_job_unfinished ON matching_job (id) WHERE status IN ('QUEUED', 'RUNNING');
