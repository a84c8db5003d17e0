package ua.kuznia.profile;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.SqlFilter;
import ua.kuznia.taxonomy.Classification;
import ua.kuznia.taxonomy.TransferType;

/**
 * A profile's API view read straight from its rows, for the read endpoints: the profile with its
 * organization in one query, the capabilities of all profiles on the page in a second. Building
 * {@link ManufacturerProfile} entities with their capabilities through Hibernate only to copy them
 * into views was most of a read's cost. An update is read and written the same way
 * ({@link #stored}, {@link #update}); creating and deleting a profile go through the entities.
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
            views.add(view(r, List.copyOf(capabilities.getOrDefault(((Number) r[0]).longValue(), List.of()))));
        }
        return views;
    }

    private static ManufacturerView view(Object[] r, List<ManufacturerView.Capability> capabilities) {
        return new ManufacturerView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (Integer) r[7], (String) r[8], capabilities, strings(r[9]),
                Classification.valueOf((String) r[10]),
                new ManufacturerView.Seeking(strings(r[11]), Arrays.stream((String[]) r[12]).map(TransferType::valueOf).toList()),
                ProfileStatus.valueOf((String) r[13]), ((Number) r[14]).longValue(), (Instant) r[15], (Instant) r[16]);
    }

    /**
     * A profile as an update reads it: the view, the clearance an admin vetted for its organization,
     * and the ids and stored positions of its capability rows in the view's order, so that
     * {@link #update} rewrites them in place.
     */
    record Stored(ManufacturerView view, Classification vetted, List<Long> capabilityIds, List<Integer> positions) {
    }

    static Optional<Stored> stored(EntityManager em, long id) {
        List<Object[]> rows = new SqlFilter().where("p.id = :id", "id", id)
                .select(em, COLUMNS + ", o.clearance", FROM, "");
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<ManufacturerView.Capability> capabilities = new ArrayList<>();
        new SqlFilter().where("c.profile_id = :id", "id", id)
                .select(em, "SELECT c.id, c.position, c.area_code, c.trl, c.mrl, c.monthly_capacity, c.capacity_unit,"
                        + " c.notes", " FROM profile_capability c", " ORDER BY c.position, c.id")
                .forEach(c -> {
                    ids.add(((Number) c[0]).longValue());
                    positions.add((Integer) c[1]);
                    capabilities.add(new ManufacturerView.Capability((String) c[2], (Integer) c[3], (Integer) c[4],
                            (Double) c[5], (String) c[6], (String) c[7]));
                });
        Object[] row = rows.get(0);
        return Optional.of(new Stored(view(row, List.copyOf(capabilities)), Classification.valueOf((String) row[17]),
                List.copyOf(ids), List.copyOf(positions)));
    }

    /**
     * {@code body}'s writable fields as they are stored: name stripped, repeated codes once, lists
     * and seeking never null; the status as sent (null when left out), the read-only fields as the
     * body has them. Creating and updating store this one value.
     */
    static ManufacturerView normalised(ManufacturerView body) {
        ManufacturerView.Seeking seeking = body.seeking();
        return new ManufacturerView(body.id(), body.organizationId(), body.organizationCode(), body.country(),
                body.legalName().strip(), body.edrpou(), body.oblast(), body.employees(), body.description(),
                List.copyOf(body.capabilities()), distinct(body.certifications()), body.clearance(),
                new ManufacturerView.Seeking(distinct(seeking == null ? null : seeking.areas()),
                        seeking == null || seeking.transferTypes() == null ? List.of()
                                : seeking.transferTypes().stream().distinct().toList()),
                body.status(), body.version(), body.createdAt(), body.updatedAt());
    }

    /**
     * The profile as an update sets it: {@code body} {@link #normalised} (a status left out keeps
     * {@code before}'s), over what {@code before} holds of the rest. What {@link #update} writes and
     * what the update answers are this one value.
     */
    static ManufacturerView applied(ManufacturerView before, ManufacturerView body, Instant updatedAt) {
        ManufacturerView n = normalised(body);
        return new ManufacturerView(before.id(), before.organizationId(), before.organizationCode(), before.country(),
                n.legalName(), n.edrpou(), n.oblast(), n.employees(), n.description(), n.capabilities(),
                n.certifications(), n.clearance(), n.seeking(), n.status() == null ? before.status() : n.status(),
                before.version() + 1, before.createdAt(), updatedAt);
    }

    private static final String UPDATE = "UPDATE manufacturer_profile SET legal_name = ?, edrpou = ?, oblast_code = ?,"
            + " employees = ?, description = ?, certifications = ?, clearance = ?, seeking_areas = ?,"
            + " seeking_transfer_types = ?, status = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?";

    private static final String UPDATE_CAPABILITY = "UPDATE profile_capability SET position = ?, area_code = ?, trl = ?,"
            + " mrl = ?, monthly_capacity = ?, capacity_unit = ?, notes = ? WHERE id = ? AND profile_id = ?";

    private static final String INSERT_CAPABILITY = "INSERT INTO profile_capability (position, area_code, trl, mrl,"
            + " monthly_capacity, capacity_unit, notes, profile_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Writes {@code after} (from {@link #applied}) over the stored profile, if its row is still at the
     * version before it: the row first, whose lock then keeps other writers off the capabilities
     * until commit; then only the capability rows that changed, in place, so unchanged ones keep
     * their ids; rows past the new end are deleted and new ones added. Loading the entities to let
     * Hibernate flush them was over half of an update's cost under load. False when another writer
     * got there first (or deleted the profile) since it was read; nothing is written then. A
     * capability row missing under the lock cannot happen while every writer takes the row first;
     * should it, the update is refused as a lost race, and its transaction rolls back.
     */
    static boolean update(Connection c, Stored stored, ManufacturerView after) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE)) {
            int i = 1;
            update.setString(i++, after.legalName());
            update.setString(i++, after.edrpou());
            update.setString(i++, after.oblast());
            update.setObject(i++, after.employees(), Types.INTEGER);
            update.setString(i++, after.description());
            update.setArray(i++, c.createArrayOf("text", after.certifications().toArray()));
            update.setString(i++, after.clearance().name());
            update.setArray(i++, c.createArrayOf("text", after.seeking().areas().toArray()));
            update.setArray(i++, c.createArrayOf("text", after.seeking().transferTypes().stream().map(Enum::name).toArray()));
            update.setString(i++, after.status().name());
            update.setLong(i++, after.version());
            update.setObject(i++, after.updatedAt().atOffset(ZoneOffset.UTC));
            update.setLong(i++, after.id());
            update.setLong(i, after.version() - 1);
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        List<ManufacturerView.Capability> was = stored.view().capabilities();
        List<ManufacturerView.Capability> now = after.capabilities();
        List<Long> ids = stored.capabilityIds();
        try (PreparedStatement change = c.prepareStatement(UPDATE_CAPABILITY)) {
            int batched = 0;
            for (int i = 0; i < Math.min(was.size(), now.size()); i++) {
                if (!was.get(i).equals(now.get(i)) || stored.positions().get(i) != i) {
                    bind(change, i, now.get(i), ids.get(i));
                    change.setLong(9, after.id());
                    change.addBatch();
                    batched++;
                }
            }
            if (batched > 0) {
                requireEveryRow(change.executeBatch());
            }
        }
        if (was.size() > now.size()) {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM profile_capability WHERE id = ANY (?) AND profile_id = ?")) {
                delete.setArray(1, c.createArrayOf("bigint", ids.subList(now.size(), was.size()).toArray()));
                delete.setLong(2, after.id());
                if (delete.executeUpdate() != was.size() - now.size()) {
                    throw ProblemException.staleWrite();
                }
            }
        }
        if (now.size() > was.size()) {
            try (PreparedStatement insert = c.prepareStatement(INSERT_CAPABILITY)) {
                for (int i = was.size(); i < now.size(); i++) {
                    bind(insert, i, now.get(i), after.id());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        return true;
    }

    private static void requireEveryRow(int[] counts) {
        for (int count : counts) {
            if (count != 1) {
                throw ProblemException.staleWrite();
            }
        }
    }

    /** The capability's columns at 1..7 and {@code key} (its row id, or its profile's for a new row) at 8. */
    private static void bind(PreparedStatement statement, int position, ManufacturerView.Capability capability, long key)
            throws SQLException {
        statement.setInt(1, position);
        statement.setString(2, capability.area());
        statement.setInt(3, capability.trl());
        statement.setInt(4, capability.mrl());
        statement.setDouble(5, capability.monthlyCapacity());
        statement.setString(6, capability.capacityUnit());
        statement.setString(7, capability.notes());
        statement.setLong(8, key);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }

    private static List<String> strings(Object value) {
        return Arrays.asList((String[]) value);
    }
}
