package ua.kuznia.aid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ua.kuznia.identity.Caller;
import ua.kuznia.matching.MatchingService;
import ua.kuznia.matching.RuleSetService;
import ua.kuznia.taxonomy.TransferType;

/**
 * Feeds the audit into the matcher's support-model soft rule. The rule reads a map from
 * "TRANSFER_TYPE" or "TRANSFER_TYPE|area.code" to a value in [0, 1]; this computes it from the
 * aid records, overall per support model and per (model, area), and maps each support model to
 * the transfer types of offers that work like it ({@link SupportModel} documents the mapping).
 * Stock donations map to no transfer type and so do not enter the map.
 */
@ApplicationScoped
public class EffectivenessFeed {

    public record Score(SupportModel model, String area, long records, Double deliveryRatio, Double medianLeadDays,
                        double speedScore, Double effectiveness) {
    }

    /** What the feed rests on, for the rule set's note and for readers. */
    public record Basis(long aidRecords, LocalDate figuresAsOf, List<String> kielReleases) {
    }

    public record Feed(String formula, Map<SupportModel, List<TransferType>> mapping, Basis basis, List<Score> scores,
                       Map<String, Double> supportEffectiveness) {
    }

    public record Applied(RuleSetService.RuleSetView ruleSet, long jobId) {
    }

    @Inject
    SupportModelReports reports;

    @Inject
    RuleSetService ruleSets;

    @Inject
    MatchingService matching;

    @Inject
    EntityManager em;

    @Transactional
    public Feed feed() {
        SupportModelReports.Filter all = new SupportModelReports.Filter(null, null, null);
        List<Score> scores = new ArrayList<>();
        for (SupportModelReports.ModelStats s : reports.byModel(all)) {
            scores.add(new Score(s.model(), null, s.records(), s.deliveryRatio(), s.medianLeadDays(), s.speedScore(),
                    s.effectiveness()));
        }
        for (SupportModelReports.Ranking r : reports.ranking(all)) {
            scores.add(new Score(r.model(), r.area(), r.records(), r.deliveryRatio(), r.medianLeadDays(), r.speedScore(),
                    r.effectiveness()));
        }
        Map<String, Double> effectiveness = new TreeMap<>();
        for (Score score : scores) {
            if (score.effectiveness() == null) {
                continue;
            }
            for (TransferType type : score.model().transferTypes()) {
                effectiveness.put(score.area() == null ? type.name() : type.name() + "|" + score.area(), score.effectiveness());
            }
        }
        Map<SupportModel, List<TransferType>> mapping = new LinkedHashMap<>();
        for (SupportModel model : SupportModel.values()) {
            mapping.put(model, model.transferTypes());
        }
        return new Feed(Effectiveness.FORMULA, mapping, basis(), scores, effectiveness);
    }

    private Basis basis() {
        Object[] records = (Object[]) em.createNativeQuery("SELECT count(*), max(as_of_date) FROM aid_record").getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> releases = em.createNativeQuery("SELECT release FROM aid_release ORDER BY release_date DESC NULLS LAST,"
                + " created_at DESC").getResultList();
        Object asOf = records[1];
        return new Basis(((Number) records[0]).longValue(),
                asOf instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) asOf, releases);
    }

    /**
     * Saves a new rule-set version whose support-model ratings are the audit's, with the
     * coordinator's overrides on top, and re-matches everything under it. The version's note
     * records what the figures rest on, so a ranking can be traced back to the audit data.
     */
    public Applied apply(Map<String, Double> overrides, String note, Caller caller) {
        Feed feed = feed();
        Map<String, Double> effectiveness = new TreeMap<>(feed.supportEffectiveness());
        if (overrides != null) {
            effectiveness.putAll(overrides);
        }
        Basis basis = feed.basis();
        String recorded = "Aid audit feed: " + feed.supportEffectiveness().size() + " ratings from " + basis.aidRecords()
                + " aid records (figures as of " + (basis.figuresAsOf() == null ? "-" : basis.figuresAsOf()) + ")"
                + "; Kiel releases imported: " + basis.kielReleases().size()
                + (basis.kielReleases().isEmpty() ? "" : " (" + String.join(", ", basis.kielReleases()) + ")")
                + (overrides == null || overrides.isEmpty() ? "" : "; overridden by the coordinator: "
                        + overrides.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                        .collect(Collectors.joining(", ")))
                + "; computed " + LocalDate.now() + (note == null || note.isBlank() ? "" : ". " + note.strip());
        int current = ruleSets.current().version();
        RuleSetService.RuleSetView saved = ruleSets.save(new RuleSetService.RuleSetView(current, null, null, null, null,
                effectiveness, recorded, null, null), caller);
        long job = matching.startFullMatch("aid audit feed", caller);
        return new Applied(saved, job);
    }
}
