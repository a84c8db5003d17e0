package ua.kuznia.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ua.kuznia.common.Missing;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.SqlFilter;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.AuditService;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.Roles;
import ua.kuznia.matching.MatchQueryService;
import ua.kuznia.matching.MatchStatus;
import ua.kuznia.taxonomy.Classification;
import ua.kuznia.taxonomy.TaxonomyService;

/**
 * Moves matches through the review workflow. Each action locks the match row, so of two
 * concurrent decisions exactly one applies and the other finds the new status and gets a 409.
 */
@ApplicationScoped
public class ReviewService {

    public record MatchDetail(long id, long offerId, String offerTitle, long offerOrganizationId, long manufacturerId,
                              String manufacturerName, long manufacturerOrganizationId, Classification offerClassification,
                              double score, Integer rank,
                              int ruleSetVersion, MatchStatus status, String staleRule, boolean onHold, String reviewNote,
                              String decidedBy, Instant decidedAt, long version, Instant updatedAt,
                              List<ReviewAction> allowedActions, String offerCountry, List<String> offerAreas) {
    }

    /** The queue's optional filters; area includes its sub-areas, country is the offering ministry's. */
    public record QueueFilter(MatchStatus status, Double minScore, String area, String country) {
    }

    /** What happened to one match of a bulk decision: the new detail, or the problem that stopped it. */
    public record Outcome(long id, MatchDetail match, int status, ProblemException problem) {

        public boolean succeeded() {
            return match != null;
        }

        /** Why the decision was not applied, in a page's language; null when it was. */
        public String problemIn(Locale locale) {
            return problem == null ? null : problem.detailIn(locale);
        }
    }

    private static final String FROM = " FROM match_result m JOIN transfer_offer t ON t.id = m.offer_id"
            + " JOIN manufacturer_profile p ON p.id = m.profile_id JOIN organization o ON o.id = t.organization_id";
    private static final String COLUMNS = "SELECT m.id, m.offer_id, t.title, t.organization_id, m.profile_id, p.legal_name,"
            + " p.organization_id, t.classification, m.score, m.rank, m.ruleset_version, m.status, m.stale_rule, m.on_hold, m.review_note,"
            + " m.decided_by, m.decided_at, m.version, m.updated_at, o.country, t.areas";

    @Inject
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    Event<MatchActed> acted;

    @Inject
    TaxonomyService taxonomy;

    /** The coordinators' queue: mutual interest first, then matches under review, then by score. */
    public Page<MatchDetail> queue(PageRequest page, QueueFilter filter, Caller caller) {
        List<Problem.Violation> violations = new ArrayList<>();
        SqlFilter where = MatchQueryService.visibleTo(caller).where("m.status <> 'SUGGESTED'");
        if (filter.status() != null) {
            where.where("m.status = :status", "status", filter.status().name());
        }
        if (filter.minScore() != null) {
            if (filter.minScore() < 0 || filter.minScore() > 100) {
                violations.add(new Problem.Violation("minScore", m -> m.between(0, 100)));
            }
            where.where("m.score >= :minScore", "minScore", filter.minScore());
        }
        if (filter.area() != null && !filter.area().isBlank()) {
            taxonomy.checkArea("area", filter.area().strip(), violations);
            where.where("EXISTS (SELECT 1 FROM unnest(t.areas) AS a(code) WHERE a.code = :area OR a.code LIKE :areaPrefix)",
                    "area", filter.area().strip()).param("areaPrefix", SqlFilter.descendantPattern(filter.area().strip()));
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            String country = filter.country().strip().toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) {
                violations.add(new Problem.Violation("country", ViolationMessages::country_code));
            }
            where.where("o.country = :country", "country", country);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        SqlFilter.CountedPage found = where.countedPage(em, COLUMNS, FROM, " ORDER BY CASE m.status WHEN 'MUTUAL_INTEREST' THEN 0"
                + " WHEN 'UNDER_REVIEW' THEN 1 ELSE 2 END, m.score DESC, m.id", page);
        return new Page<>(found.rows().stream().map(ReviewService::detail).toList(), page.page, page.size, found.total());
    }

    /**
     * The same decision on several matches, each in its own transaction: one match that moved on
     * in the meantime (409) or vanished (404) does not undo the decisions on the others. A missing
     * note is refused up front, since it would fail every match alike.
     */
    public List<Outcome> actOnEach(List<Long> ids, ReviewAction action, String note, Caller caller) {
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.invalid("ids", ViolationMessages::select_match);
        }
        if (ReviewWorkflow.needsNote(action) && (note == null || note.isBlank())) {
            throw noteRequired(action);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (long id : new LinkedHashSet<>(ids)) {
            try {
                MatchDetail done = QuarkusTransaction.requiringNew().call(() -> act(id, action, note, null, caller));
                outcomes.add(new Outcome(id, done, 200, null));
            } catch (ProblemException problem) {
                outcomes.add(new Outcome(id, null, problem.status(), problem));
            }
        }
        return outcomes;
    }

    /**
     * The English detail, which the API answers with, names the action and the status by the codes
     * the API takes and returns; a Ukrainian page names them as the review pages do.
     */
    private static Problem.Text invalidTransition(ReviewAction action, MatchStatus status) {
        return m -> {
            if (Locale.ENGLISH.getLanguage().equals(m.language())) {
                return m.invalid_transition(action.name(), status.name());
            }
            ReviewMessages names = MessageBundles.get(ReviewMessages.class, Localized.Literal.of(m.language()));
            return m.invalid_transition(names.action(action), names.status(status));
        };
    }

    /** A decision that needs a note was sent without one; a hold calls it a note, the others a reason. */
    private static ProblemException noteRequired(ReviewAction action) {
        Problem.Text text = switch (action) {
            case REJECT -> ViolationMessages::required_to_reject;
            case HOLD -> ViolationMessages::required_to_hold;
            case DECLINE -> ViolationMessages::required_to_decline;
            case WITHDRAW -> ViolationMessages::required_to_withdraw;
            default -> throw new IllegalArgumentException(action + " needs no note");
        };
        return ProblemException.invalid(action == ReviewAction.HOLD ? "note" : "reason", text);
    }

    /** The matches of a shortlist the caller may see, in the order given; unknown or hidden ids are skipped. */
    public List<MatchDetail> findAll(List<Long> ids, Caller caller) {
        List<MatchDetail> found = new ArrayList<>();
        for (long id : new LinkedHashSet<>(ids)) {
            find(id, caller).ifPresent(found::add);
        }
        return found;
    }

    /** One match, if the caller may see it: by the rule every list of matches follows too. */
    public Optional<MatchDetail> find(long id, Caller caller) {
        return load(MatchQueryService.visibleTo(caller), id, false);
    }

    @Transactional
    public MatchDetail act(long id, ReviewAction requested, String note, Long version, Caller caller) {
        MatchDetail match = load(MatchQueryService.visibleTo(caller), id, true)
                .orElseThrow(() -> ProblemException.notFound(Missing.MATCH, id));
        ReviewAction action = sideOf(requested, match, caller);
        if (version != null && version != match.version()) {
            throw ProblemException.staleVersion(ViolationMessages::stale_match, version, match.version());
        }
        MatchStatus next = ReviewWorkflow.next(match.status(), action).orElseThrow(() -> ProblemException.conflict(
                "/problems/invalid-transition", "Invalid transition", invalidTransition(action, match.status()),
                Map.of("currentStatus", match.status().name(), "allowed", ReviewWorkflow.allowed(match.status()))));
        if (ReviewWorkflow.needsNote(action) && (note == null || note.isBlank())) {
            throw noteRequired(action);
        }
        em.createNativeQuery("UPDATE match_result SET status = :status, on_hold = :hold, review_note = coalesce(:note, review_note),"
                        + " decided_by = :by, decided_at = now(), updated_at = now(), version = version + 1 WHERE id = :id")
                .setParameter("status", next.name()).setParameter("hold", action == ReviewAction.HOLD)
                .setParameter("note", note == null || note.isBlank() ? null : note.strip())
                .setParameter("by", caller.username()).setParameter("id", id).executeUpdate();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", match.status().name());
        before.put("onHold", match.onHold());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", next.name());
        after.put("onHold", action == ReviewAction.HOLD);
        audit.record(caller, "MATCH", id, AuditService.Action.DECISION, before, after,
                action.name() + (note == null || note.isBlank() ? "" : ": " + note.strip()));
        acted.fire(new MatchActed(id, match.offerId(), match.manufacturerId(), match.offerOrganizationId(),
                match.manufacturerOrganizationId(), action));
        return load(new SqlFilter(), id, false).orElseThrow();
    }

    /**
     * "Interest" and "decline" mean the caller's own side; every other action is for one role only.
     * A caller acting for a side it does not own is refused.
     */
    static ReviewAction sideOf(ReviewAction requested, MatchDetail match, Caller caller) {
        boolean maker = caller.has(Roles.MANUFACTURER) && caller.belongsTo(match.manufacturerOrganizationId());
        boolean ministry = caller.has(Roles.MINISTRY) && caller.belongsTo(match.offerOrganizationId());
        boolean coordinator = caller.has(Roles.COORDINATOR);
        switch (requested) {
            case MANUFACTURER_INTEREST, MINISTRY_INTEREST -> {
                if (maker) {
                    return ReviewAction.MANUFACTURER_INTEREST;
                }
                if (ministry) {
                    return ReviewAction.MINISTRY_INTEREST;
                }
                throw ProblemException.forbidden(ViolationMessages::only_sides_interest);
            }
            case DECLINE -> {
                if (maker || ministry) {
                    return ReviewAction.DECLINE;
                }
                throw ProblemException.forbidden(ViolationMessages::only_sides_decline);
            }
            case WITHDRAW -> {
                if (ministry) {
                    return ReviewAction.WITHDRAW;
                }
                throw ProblemException.forbidden(ViolationMessages::only_ministry_withdraws);
            }
            default -> {
                if (coordinator) {
                    return requested;
                }
                throw ProblemException.forbidden(ViolationMessages::only_coordinators_decide);
            }
        }
    }

    private Optional<MatchDetail> load(SqlFilter visible, long id, boolean lock) {
        return visible.where("m.id = :id", "id", id).select(em, COLUMNS, FROM, lock ? " FOR UPDATE OF m" : "")
                .stream().findFirst().map(ReviewService::detail);
    }

    private static MatchDetail detail(Object[] r) {
        MatchStatus status = MatchStatus.valueOf((String) r[11]);
        return new MatchDetail(num(r[0]), num(r[1]), (String) r[2], num(r[3]), num(r[4]), (String) r[5], num(r[6]),
                Classification.valueOf((String) r[7]), ((Number) r[8]).doubleValue(),
                r[9] == null ? null : ((Number) r[9]).intValue(), ((Number) r[10]).intValue(),
                status, (String) r[12], Boolean.TRUE.equals(r[13]), (String) r[14], (String) r[15], instant(r[16]),
                num(r[17]), instant(r[18]), ReviewWorkflow.allowed(status), (String) r[19], areas(r[20]));
    }

    private static List<String> areas(Object o) {
        return o instanceof String[] codes ? List.of(codes) : o instanceof Object[] values
                ? java.util.Arrays.stream(values).map(String::valueOf).toList() : List.of();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        return o == null ? null : o instanceof OffsetDateTime t ? t.toInstant() : (Instant) o;
    }
}
