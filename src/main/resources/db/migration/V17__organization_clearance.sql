-- The clearance an organization acts under, in one place for every query that needs it: as an
-- admin vetted it, but a manufacturer's as its profile (its facility) says, never above the
-- vetting, and unclassified without a profile. The caller's need-to-know (CallerService) applies
-- the same rule in Java.
CREATE VIEW organization_clearance AS
SELECT o.id AS organization_id, l.code AS clearance, l.rank
FROM organization o
JOIN classification_level vetted ON vetted.code = o.clearance
LEFT JOIN manufacturer_profile p ON p.organization_id = o.id AND o.kind = 'MANUFACTURER'
LEFT JOIN classification_level own ON own.code = p.clearance
JOIN classification_level l ON l.rank = CASE WHEN o.kind = 'MANUFACTURER'
    THEN LEAST(coalesce(own.rank, 0), vetted.rank) ELSE vetted.rank END;
