package ua.kuznia.profile;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ua.kuznia.common.SqlFilter;
import ua.kuznia.taxonomy.Classification;
import ua.kuznia.taxonomy.TransferType;

/**
 * A profile's API view read straight from its rows, for the read endpoints: the profile with its
 * organization in one query, the capabilities of all profiles on the page in a second. Building
 * {@link ManufacturerProfile} entities with their capabilities through Hibernate only to copy them
 * into views was most of a read's cost; writes still go through the entities.
 */
final class ProfileRows {

    /** The profile's columns in the order of {@link #view}; the FROM aliases are {@code p} and {@code o}. */
    static final String COLUMNS = "SELECT p.id, p.organization_id, o.code, o.country, p.legal_name, p.edrpou, p.oblast_code,"
            + " p.employees, p.description, p.certifications, p.clearance, p.seeking_areas, p.seeking_transfer_types,"
            + " p.status, p.version, p.created_at, p.updated_at";

    static final String FROM = " FROM manufacturer_profile p JOIN organization o ON o.id = p.organization_id";

    private ProfileRows() {
    }

    /** Views of rows of {@link #COLUMNS}, in their order, each with its capabilities in the manufacturer's order. */
    static List<ManufacturerView> views(EntityManager em, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, List<ManufacturerView.Capability>> capabilities = new HashMap<>();
        new SqlFilter().where("c.profile_id IN (:ids)", "ids", ids)
                .select(em, "SELECT c.profile_id, c.area_code, c.trl, c.mrl, c.monthly_capacity, c.capacity_unit, c.notes",
                        " FROM profile_capability c", " ORDER BY c.profile_id, c.position")
                .forEach(c -> capabilities.computeIfAbsent(((Number) c[0]).longValue(), id -> new ArrayList<>())
                        .add(new ManufacturerView.Capability((String) c[1], (Integer) c[2], (Integer) c[3], (Double) c[4],
                                (String) c[5], (String) c[6])));
        List<ManufacturerView> views = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            views.add(new ManufacturerView(id, ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (Integer) r[7], (String) r[8],
                    List.copyOf(capabilities.getOrDefault(id, List.of())), strings(r[9]),
                    Classification.valueOf((String) r[10]),
                    new ManufacturerView.Seeking(strings(r[11]),
                            Arrays.stream((String[]) r[12]).map(TransferType::valueOf).toList()),
                    ProfileStatus.valueOf((String) r[13]), ((Number) r[14]).longValue(), (Instant) r[15], (Instant) r[16]));
        }
        return views;
    }

    private static List<String> strings(Object value) {
        return Arrays.asList((String[]) value);
    }
}
