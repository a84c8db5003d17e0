package ua.kuznia.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ua.kuznia.common.EntityChanged;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.AuditService;
import ua.kuznia.identity.Caller;
import ua.kuznia.matching.engine.RuleCatalog;
import ua.kuznia.matching.engine.RuleSetData;
import ua.kuznia.taxonomy.TaxonomyService;
import ua.kuznia.taxonomy.TransferType;

/** The versioned rule set: every save is a new version; nothing is ever overwritten. */
@ApplicationScoped
public class RuleSetService {

    /** The rule set as the API shows and accepts it. */
    public record RuleSetView(Integer version, Map<String, Double> weights, Double minScore, Integer topK,
                              Map<String, Double> areaPriorities, Map<String, Double> supportEffectiveness,
                              String note, String createdBy, Instant createdAt) {
    }

    private static final TypeReference<Map<String, Double>> NUMBERS = new TypeReference<>() { };

    /** The longest note a rule-set version takes, as the editor's field allows. */
    static final int MAX_NOTE = 2000;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TaxonomyService taxonomy;

    @Inject
    AuditService audit;

    @Inject
    jakarta.enterprise.event.Event<EntityChanged> changes;

    @Transactional
    public RuleSetView current() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT version, CAST(weights AS text), min_score, top_k,"
                + " CAST(area_priorities AS text), CAST(support_effectiveness AS text), note, created_by, created_at"
                + " FROM ruleset ORDER BY version DESC LIMIT 1").getSingleResult();
        return new RuleSetView(((Number) row[0]).intValue(), parse((String) row[1]), ((Number) row[2]).doubleValue(),
                ((Number) row[3]).intValue(), parse((String) row[4]), parse((String) row[5]), (String) row[6],
                (String) row[7], row[8] instanceof java.time.OffsetDateTime t ? t.toInstant() : (Instant) row[8]);
    }

    public static RuleSetData toEngine(RuleSetView view) {
        return new RuleSetData(view.version(), view.weights(), view.minScore(), view.topK(), view.areaPriorities(),
                view.supportEffectiveness());
    }

    /** Validates a proposed rule set against the rule catalogue and the taxonomy, filling gaps from the current one. */
    public RuleSetView validate(RuleSetView proposed, RuleSetView current) {
        RuleSetView merged = new RuleSetView(current.version() + 1,
                proposed.weights() == null ? current.weights() : proposed.weights(),
                proposed.minScore() == null ? current.minScore() : proposed.minScore(),
                proposed.topK() == null ? current.topK() : proposed.topK(),
                proposed.areaPriorities() == null ? current.areaPriorities() : proposed.areaPriorities(),
                proposed.supportEffectiveness() == null ? current.supportEffectiveness() : proposed.supportEffectiveness(),
                proposed.note(), null, null);
        List<Problem.Violation> violations = new ArrayList<>();
        merged.weights().forEach((id, weight) -> {
            if (!RuleCatalog.isSoftRule(id)) {
                violations.add(new Problem.Violation("weights." + id, m -> m.unknown_soft_rule(
                        String.join(", ", RuleCatalog.softRules().stream().map(r -> r.id()).toList()))));
            } else if (!within(weight, 0, 100)) {
                violations.add(new Problem.Violation("weights." + id, m -> m.between(0, 100)));
            }
        });
        if (!within(merged.minScore(), 0, 100)) {
            violations.add(new Problem.Violation("minScore", m -> m.between(0, 100)));
        }
        if (merged.topK() < 1 || merged.topK() > 1000) {
            violations.add(new Problem.Violation("topK", m -> m.between(1, 1000)));
        }
        merged.areaPriorities().forEach((area, value) -> {
            if (!taxonomy.isArea(area)) {
                violations.add(new Problem.Violation("areaPriorities." + area, m -> m.unknown_area(TaxonomyService.AREAS_LIST)));
            }
            checkUnit("areaPriorities." + area, value, violations);
        });
        merged.supportEffectiveness().forEach((key, value) -> {
            String[] parts = key.split("\\|", 2);
            if (!isTransferType(parts[0]) || parts.length == 2 && !taxonomy.isArea(parts[1])) {
                violations.add(new Problem.Violation("supportEffectiveness." + key, ViolationMessages::effectiveness_key));
            }
            checkUnit("supportEffectiveness." + key, value, violations);
        });
        if (merged.note() != null && merged.note().length() > MAX_NOTE) {
            // Every version's note is kept, and shown with the audit trail's entry of the change.
            violations.add(new Problem.Violation("note", m -> m.too_long(merged.note().length(), MAX_NOTE)));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return merged;
    }

    private static boolean isTransferType(String code) {
        for (TransferType type : TransferType.values()) {
            if (type.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static void checkUnit(String field, Double value, List<Problem.Violation> violations) {
        if (!within(value, 0, 1)) {
            violations.add(new Problem.Violation(field, m -> m.between(0, 1)));
        }
    }

    /**
     * Jackson reads "NaN" and "Infinity" into a double, and NaN fails every comparison: asked as
     * "inside" rather than "outside", a NaN is refused instead of stored, where it would stop the
     * re-match and the next start.
     */
    static boolean within(Double value, double min, double max) {
        return value != null && value >= min && value <= max;
    }

    @Transactional
    public RuleSetView save(RuleSetView proposed, Caller caller) {
        RuleSetView current = current();
        if (proposed.version() != null && !proposed.version().equals(current.version())) {
            throw ProblemException.staleVersion(ViolationMessages::stale_rule_set, proposed.version(), current.version());
        }
        RuleSetView next = validate(proposed, current);
        em.createNativeQuery("INSERT INTO ruleset (version, weights, min_score, top_k, area_priorities,"
                        + " support_effectiveness, note, created_by) VALUES (:v, CAST(:w AS jsonb), :min, :k,"
                        + " CAST(:p AS jsonb), CAST(:s AS jsonb), :note, :by)")
                .setParameter("v", next.version()).setParameter("w", write(next.weights()))
                .setParameter("min", next.minScore()).setParameter("k", next.topK())
                .setParameter("p", write(next.areaPriorities())).setParameter("s", write(next.supportEffectiveness()))
                .setParameter("note", next.note()).setParameter("by", caller.username()).executeUpdate();
        audit.record(caller, "RULESET", next.version(), AuditService.Action.CREATE, current, next, next.note());
        changes.fire(new EntityChanged(EntityChanged.Type.RULESET, next.version(), false));
        return current();
    }

    private Map<String, Double> parse(String text) {
        try {
            return new TreeMap<>(json.readValue(text, NUMBERS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored rule set is not valid JSON", e);
        }
    }

    private String write(Map<String, Double> values) {
        try {
            return json.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
