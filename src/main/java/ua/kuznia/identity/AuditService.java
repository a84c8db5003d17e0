package ua.kuznia.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.SqlFilter;
import ua.kuznia.taxonomy.Classification;

/**
 * Writes the audit trail inside the transaction of the change it records, so a change and its
 * audit entry commit or roll back together.
 */
@ApplicationScoped
public class AuditService {

    public enum Action {
        CREATE, UPDATE, DELETE, DECISION
    }

    /** Bookkeeping fields that change on every write and would only add noise to a diff. */
    private static final Set<String> IGNORED = Set.of("version", "createdAt", "updatedAt");

    public record Entry(long id, Instant occurredAt, String subject, String username, String organizationCode,
                        String entityType, String entityId, String action, Map<String, Object> changes, String note) {
    }

    public record Query(String entityType, String entityId, String user, Instant from, Instant to) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String entityType, Object entityId, Action action, Object before, Object after,
                       String note) {
        String changes;
        try {
            changes = json.writeValueAsString(diff(toMap(before), toMap(after)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit diff of " + entityType + " " + entityId + " is not JSON", e);
        }
        // One INSERT on the transaction's connection, as the change log writes its row: persisting
        // an entity with a database-generated id made Hibernate insert it at once anyway, through
        // its whole persist machinery, at every write of the API.
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setString(1, caller.subject());
                insert.setString(2, caller.username());
                insert.setString(3, caller.organizationCode());
                insert.setString(4, entityType);
                insert.setString(5, String.valueOf(entityId));
                insert.setString(6, action.name());
                insert.setString(7, changes);
                insert.setString(8, note);
                insert.executeUpdate();
            }
        });
    }

    private static final String INSERT = "INSERT INTO audit_event (subject, username, organization_code, entity_type,"
            + " entity_id, action, changes, note) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)";

    private Map<String, Object> toMap(Object view) {
        return view == null ? Map.of() : json.convertValue(view, new TypeReference<Map<String, Object>>() { });
    }

    /** Field-level changes: every field whose value differs, with its old and new value. */
    static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        Set<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            if (IGNORED.contains(field)) {
                continue;
            }
            Object from = before.get(field);
            Object to = after.get(field);
            if (!Objects.equals(from, to)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from);
                change.put("to", to);
                changes.put(field, change);
            }
        }
        return changes;
    }

    /**
     * Entries newest first. Need-to-know holds here as everywhere: entries of an offer classified
     * above the caller's clearance, and decisions on its matches, do not exist for the caller. An
     * offer since deleted counts as classified as it was when deleted; a decision whose match is
     * gone (its offer deleted) is shown only to a caller cleared to the highest level.
     */
    public Page<Entry> search(Query query, PageRequest page, Caller caller) {
        SqlFilter filter = new SqlFilter();
        if (query.entityType() != null) {
            filter.where("a.entity_type = :type", "type", query.entityType());
        }
        if (query.entityId() != null) {
            filter.where("a.entity_id = :entityId", "entityId", query.entityId());
        }
        if (query.user() != null) {
            filter.where("a.username = :user", "user", query.user());
        }
        if (query.from() != null) {
            filter.where("a.occurred_at >= :from", "from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            filter.where("a.occurred_at < :to", "to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        Classification[] levels = Classification.values();
        if (!caller.clearedFor(levels[levels.length - 1])) {
            filter.where(WITHIN_CLEARANCE, "levels", caller.clearedLevels());
        }
        SqlFilter.CountedPage found = filter.countedPage(em, "SELECT a.id, a.occurred_at, a.subject, a.username,"
                + " a.organization_code, a.entity_type, a.entity_id, a.action, a.changes::text, a.note",
                " FROM audit_event a", " ORDER BY a.occurred_at DESC, a.id DESC", page);
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : found.rows()) {
            entries.add(new Entry(((Number) row[0]).longValue(), (Instant) row[1], (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], (String) row[6], (String) row[7], changes((String) row[8]),
                    (String) row[9]));
        }
        return new Page<>(entries, page.page, page.size, found.total());
    }

    // Offer and match ids are numbers; the CASE keeps the cast away from other entities' ids.
    private static final String OFFER_ID = "CASE WHEN a.entity_id ~ '^[0-9]{1,18}$' THEN a.entity_id::bigint END";
    private static final String WITHIN_CLEARANCE = "(a.entity_type NOT IN ('OFFER', 'MATCH')"
            + " OR a.entity_type = 'OFFER' AND COALESCE("
            + "(SELECT t.classification FROM transfer_offer t WHERE t.id = " + OFFER_ID + "),"
            + " (SELECT d.changes -> 'classification' ->> 'from' FROM audit_event d WHERE d.entity_type = 'OFFER'"
            + " AND d.entity_id = a.entity_id AND d.action = 'DELETE' ORDER BY d.id DESC LIMIT 1)) IN (:levels)"
            + " OR a.entity_type = 'MATCH' AND (SELECT t.classification FROM match_result m"
            + " JOIN transfer_offer t ON t.id = m.offer_id WHERE m.id = " + OFFER_ID + ") IN (:levels))";

    private Map<String, Object> changes(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry changes are not a JSON object", e);
        }
    }
}
