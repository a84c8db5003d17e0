package ua.kuznia.aid;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ua.kuznia.common.BeanViolations;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.SqlFilter;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.AuditService;
import ua.kuznia.identity.Caller;
import ua.kuznia.taxonomy.TaxonomyService;

/** Aid records: entered one by one or imported from the project's CSV format, never half-imported. */
@ApplicationScoped
public class AidRecordService {

    static final String AUDIT_TYPE = "AID_RECORD";
    static final String IMPORT_AUDIT_TYPE = "AID_RECORD_IMPORT";

    /**
     * ISO 3166-1 alpha-2 codes, plus EU: the Kiel tracker counts the EU institutions as a donor
     * of their own, and EU is the code ISO reserves for them.
     */
    private static final Set<String> DONORS = Stream.concat(Stream.of(Locale.getISOCountries()), Stream.of("EU"))
            .collect(Collectors.toUnmodifiableSet());

    /** List filters; every one is optional. area includes its descendants; year is the commitment year. */
    public record Filter(String donor, SupportModel model, String area, Integer year) {
    }

    public record ImportResult(String fileName, String sha256, int imported, long firstId, long lastId) {
    }

    @Inject
    TaxonomyService taxonomy;

    @Inject
    AuditService audit;

    @Inject
    ValidatorFactory validators;

    @Transactional
    public AidRecordView create(AidRecordView body, Caller caller) {
        return create(body, List.of(), caller);
    }

    /**
     * As {@link #create(AidRecordView, Caller)}, for a form whose typed values could not all be
     * read: {@code unreadable} holds those fields' problems, reported with every other problem of
     * the record; the service's own finding on such a field (a null it reads as missing) is left
     * out, as the field's own problem says more.
     */
    @Transactional
    public AidRecordView create(AidRecordView body, List<Problem.Violation> unreadable, Caller caller) {
        List<Problem.Violation> violations = new ArrayList<>(unreadable);
        Set<String> unread = unreadable.stream().map(Problem.Violation::field).collect(Collectors.toSet());
        check(body, violations, v -> v, v -> !unread.contains(v.field()));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        AidRecord record = persist(body, null, caller);
        AidRecordView created = toView(record);
        audit.record(caller, AUDIT_TYPE, record.id, AuditService.Action.CREATE, null, created, null);
        return created;
    }

    /**
     * Imports every row of a file or none. Every row is checked before the first is written, and
     * all problems are reported at once, each with its line and column, so one upload tells the
     * coordinator everything to fix. The same file (by SHA-256) is refused a second time: it would
     * count the same aid twice.
     */
    @Transactional
    public ImportResult importCsv(String fileName, byte[] bytes, Caller caller) {
        CsvTable table;
        try {
            table = CsvTable.read(bytes);
        } catch (CsvReader.CsvException e) {
            throw ProblemException.invalid(List.of(e.line > 0 ? new Problem.Violation(m -> m.place_line(e.line), e.text)
                    : new Problem.Violation(ViolationMessages::place_file, e.text)));
        }
        String sha256 = KielImportService.sha256(bytes);
        // Two uploads of one file at once (a double submit, a client's retry) would both find no
        // earlier import and both insert: the second waits here until the first commits, then sees it.
        AidRecord.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:sha, 0))")
                .setParameter("sha", sha256).getSingleResult();
        AidRecord earlier = AidRecord.<AidRecord>find("importSha256", Sort.by("id"), sha256).firstResult();
        if (earlier != null) {
            throw ProblemException.conflict("/problems/duplicate-import", "Already imported",
                    m -> m.records_already_imported(String.valueOf(earlier.createdAt), earlier.createdBy),
                    Map.of("firstId", earlier.id));
        }
        List<Problem.Violation> violations = new ArrayList<>();
        List<AidRecordCsv.Parsed> rows = AidRecordCsv.read(table, violations);
        if (violations.isEmpty() && rows.isEmpty()) {
            throw ProblemException.invalid(List.of(new Problem.Violation(ViolationMessages::place_file,
                    ViolationMessages::records_none)));
        }
        for (AidRecordCsv.Parsed row : rows) {
            if (violations.size() >= KielImportService.MAX_VIOLATIONS) {
                break;
            }
            if (row.view() != null) {
                check(row.view(), violations, v -> v.at(AidRecordCsv.location(row.line(), v.field())), v -> true);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.size() > KielImportService.MAX_VIOLATIONS
                    ? violations.subList(0, KielImportService.MAX_VIOLATIONS) : violations);
        }
        List<AidRecord> created = rows.stream().map(row -> persist(row.view(), sha256, caller)).toList();
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : KielFile.baseName(fileName);
        ImportResult result = new ImportResult(name, sha256, created.size(), created.get(0).id,
                created.get(created.size() - 1).id);
        // One entry per file: the hash pins its exact content, so an entry per row would add volume, not information.
        audit.record(caller, IMPORT_AUDIT_TYPE, sha256, AuditService.Action.CREATE, null, result,
                created.size() + " aid records from " + name);
        return result;
    }

    /**
     * Bean validation, then the rules that involve the taxonomy or several fields; {@code where}
     * moves a violation of a JSON field to the location the caller knows it by.
     */
    private void check(AidRecordView body, List<Problem.Violation> violations,
                       Function<Problem.Violation, Problem.Violation> where, Predicate<Problem.Violation> wanted) {
        List<Problem.Violation> found = new ArrayList<>();
        found.addAll(BeanViolations.of(validators, body, v -> v.getPropertyPath().toString()));
        if (body.donorCountry() != null && body.donorCountry().matches("^[A-Z]{2}$") && !DONORS.contains(body.donorCountry())) {
            found.add(new Problem.Violation("donorCountry", m -> m.not_a_country(body.donorCountry())));
        }
        if (body.area() != null && !body.area().isBlank()) {
            taxonomy.checkArea("area", body.area(), found);
        }
        boolean hasQuantity = body.committedQuantity() != null || body.deliveredQuantity() != null;
        if (hasQuantity && (body.quantityUnit() == null || body.quantityUnit().isBlank())) {
            found.add(new Problem.Violation("quantityUnit", ViolationMessages::unit_required));
        }
        LocalDate committed = body.commitmentDate();
        LocalDate first = body.firstDeliveryDate();
        LocalDate last = body.lastDeliveryDate();
        if (committed != null && first != null && first.isBefore(committed)) {
            found.add(new Problem.Violation("firstDeliveryDate", ViolationMessages::before_commitment));
        }
        if (last != null && first == null) {
            found.add(new Problem.Violation("lastDeliveryDate", ViolationMessages::needs_first_delivery));
        }
        if (last != null && first != null && last.isBefore(first)) {
            found.add(new Problem.Violation("lastDeliveryDate", ViolationMessages::before_first_delivery));
        }
        LocalDate asOf = body.asOfDate();
        if (asOf != null) {
            // The figures of a row are those known on its as-of date; later dates are typing mistakes.
            if (asOf.isAfter(LocalDate.now())) {
                found.add(new Problem.Violation("asOfDate", ViolationMessages::in_future));
            }
            if (committed != null && committed.isAfter(asOf)) {
                found.add(new Problem.Violation("commitmentDate", ViolationMessages::after_as_of));
            }
            if (last != null && last.isAfter(asOf) || last == null && first != null && first.isAfter(asOf)) {
                found.add(new Problem.Violation(last != null ? "lastDeliveryDate" : "firstDeliveryDate", ViolationMessages::after_as_of));
            }
        }
        found.sort(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message));
        found.stream().filter(wanted).forEach(v -> violations.add(where.apply(v)));
    }

    private static AidRecord persist(AidRecordView body, String importSha256, Caller caller) {
        AidRecord r = new AidRecord();
        r.donorCountry = body.donorCountry();
        r.asOfDate = body.asOfDate();
        r.supportModel = body.supportModel();
        r.areaCode = body.area();
        r.commitmentDate = body.commitmentDate();
        r.committedValueEur = body.committedValueEur();
        r.deliveredValueEur = body.deliveredValueEur();
        r.committedQuantity = body.committedQuantity();
        r.deliveredQuantity = body.deliveredQuantity();
        r.quantityUnit = blankToNull(body.quantityUnit());
        r.firstDeliveryDate = body.firstDeliveryDate();
        r.lastDeliveryDate = body.lastDeliveryDate();
        r.source = body.source().strip();
        r.notes = blankToNull(body.notes());
        r.importSha256 = importSha256;
        r.createdBy = caller.username();
        r.persist();
        return r;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Optional<AidRecordView> find(long id) {
        return AidRecord.<AidRecord>findByIdOptional(id).map(AidRecordService::toView);
    }

    public Page<AidRecordView> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.donor() != null && !filter.donor().isBlank()) {
            where.append(" and donorCountry = :donor");
            params.and("donor", filter.donor().strip().toUpperCase(Locale.ROOT));
        }
        if (filter.model() != null) {
            where.append(" and supportModel = :model");
            params.and("model", filter.model());
        }
        if (filter.area() != null && !filter.area().isBlank()) {
            List<Problem.Violation> violations = new ArrayList<>();
            taxonomy.checkArea("area", filter.area(), violations);
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            where.append(" and (areaCode = :area or areaCode like :areaPrefix)");
            params.and("area", filter.area()).and("areaPrefix", SqlFilter.descendantPattern(filter.area()));
        }
        if (filter.year() != null) {
            // A date range rather than year(...) so the commitment-date index is used.
            where.append(" and commitmentDate >= :from and commitmentDate < :to");
            params.and("from", LocalDate.of(filter.year(), 1, 1)).and("to", LocalDate.of(filter.year() + 1, 1, 1));
        }
        var found = AidRecord.<AidRecord>find(where.toString(),
                Sort.descending("commitmentDate").and("id", Sort.Direction.Descending), params);
        long total = found.count();
        return new Page<>(found.page(page.page, page.size).list().stream().map(AidRecordService::toView).toList(),
                page.page, page.size, total);
    }

    static AidRecordView toView(AidRecord r) {
        return new AidRecordView(r.id, r.donorCountry, r.asOfDate, r.supportModel, r.areaCode, r.commitmentDate,
                r.committedValueEur, r.deliveredValueEur, r.committedQuantity, r.deliveredQuantity, r.quantityUnit,
                r.firstDeliveryDate, r.lastDeliveryDate, r.source, r.notes, r.createdBy, r.createdAt);
    }
}
