package ua.kuznia.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;

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
        // its whole persist machinery, at every write of the API. The entity stays for reading.
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

    public Page<Entry> search(Query query, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (query.entityType() != null) {
            where.append(" and entityType = :type");
            params.and("type", query.entityType());
        }
        if (query.entityId() != null) {
            where.append(" and entityId = :entityId");
            params.and("entityId", query.entityId());
        }
        if (query.user() != null) {
            where.append(" and username = :user");
            params.and("user", query.user());
        }
        if (query.from() != null) {
            where.append(" and occurredAt >= :from");
            params.and("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and occurredAt < :to");
            params.and("to", query.to());
        }
        var found = AuditEvent.<AuditEvent>find(where.toString(), Sort.descending("occurredAt").and("id", Sort.Direction.Descending), params);
        long total = found.count();
        return new Page<>(found.page(page.page, page.size).list().stream()
                .map(e -> new Entry(e.id, e.occurredAt, e.subject, e.username, e.organizationCode, e.entityType,
                        e.entityId, e.action, e.changes, e.note)).toList(), page.page, page.size, total);
    }
}
