package ua.kuznia.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import ua.kuznia.common.Problem;

/**
 * Reference data, read on every validation and matcher update, changed only by admins: held as
 * an immutable snapshot that is swapped whole when it changes.
 */
@ApplicationScoped
public class TaxonomyService {

    /** Where clients find the valid codes; named in every "unknown code" problem. */
    public static final String AREAS_LIST = "/api/v1/taxonomy/areas";
    public static final String CERTIFICATIONS_LIST = "/api/v1/taxonomy/certifications";
    public static final String OBLASTS_LIST = "/api/v1/taxonomy/oblasts";

    public record Snapshot(Map<String, CapabilityArea> areas, Map<String, Certification> certifications,
                           Map<String, Oblast> oblasts, List<ClassificationLevel> classificationLevels,
                           List<TransferTypeName> transferTypes) {
    }

    private volatile Snapshot snapshot;

    public Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            current = load();
            snapshot = current;
        }
        return current;
    }

    /** Called after an admin changes reference data. */
    public void invalidate() {
        snapshot = null;
    }

    @Transactional
    Snapshot load() {
        return new Snapshot(
                byCode(CapabilityArea.<CapabilityArea>listAll(), a -> a.code),
                byCode(Certification.<Certification>listAll(), c -> c.code),
                byCode(Oblast.<Oblast>listAll(), o -> o.code),
                ClassificationLevel.<ClassificationLevel>listAll().stream()
                        .sorted((a, b) -> Integer.compare(a.rank, b.rank)).toList(),
                TransferTypeName.<TransferTypeName>listAll().stream()
                        .sorted((a, b) -> a.code.compareTo(b.code)).toList());
    }

    private static <T extends PanacheEntityBase> Map<String, T> byCode(List<T> rows, Function<T, String> code) {
        return rows.stream().collect(Collectors.toMap(code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public List<CapabilityArea> areasInOrder() {
        return snapshot().areas().values().stream()
                .sorted((a, b) -> a.sortOrder != b.sortOrder ? Integer.compare(a.sortOrder, b.sortOrder)
                        : a.code.compareTo(b.code))
                .toList();
    }

    public boolean isArea(String code) {
        return code != null && snapshot().areas().containsKey(code);
    }

    public int riskTier(String oblastCode) {
        Oblast oblast = snapshot().oblasts().get(oblastCode);
        if (oblast == null) {
            throw new IllegalArgumentException("Unknown oblast " + oblastCode);
        }
        return oblast.riskTier;
    }

    public void checkAreas(String field, Collection<String> codes, List<Problem.Violation> violations) {
        checkCodes(field, codes, snapshot().areas().keySet(), AREAS_LIST, violations);
    }

    public void checkArea(String field, String code, List<Problem.Violation> violations) {
        if (code != null && !isArea(code)) {
            violations.add(unknown(field, code, AREAS_LIST));
        }
    }

    public void checkCertifications(String field, Collection<String> codes, List<Problem.Violation> violations) {
        checkCodes(field, codes, snapshot().certifications().keySet(), CERTIFICATIONS_LIST, violations);
    }

    public void checkOblast(String field, String code, List<Problem.Violation> violations) {
        if (code != null && !snapshot().oblasts().containsKey(code)) {
            violations.add(unknown(field, code, OBLASTS_LIST));
        }
    }

    private static void checkCodes(String field, Collection<String> codes, Set<String> valid, String list,
                                   List<Problem.Violation> violations) {
        if (codes == null) {
            return;
        }
        int i = 0;
        for (String code : codes) {
            if (code == null || !valid.contains(code)) {
                violations.add(unknown(field + "[" + i + "]", code, list));
            }
            i++;
        }
    }

    private static Problem.Violation unknown(String field, String code, String list) {
        return new Problem.Violation(field, m -> m.unknown_code(String.valueOf(code), list));
    }
}
