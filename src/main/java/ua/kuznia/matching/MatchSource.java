package ua.kuznia.matching;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ua.kuznia.matching.engine.Capability;
import ua.kuznia.matching.engine.OfferData;
import ua.kuznia.matching.engine.ProfileData;
import ua.kuznia.taxonomy.Classification;

/**
 * Reads committed profiles and offers in the shape the engine needs, with plain JDBC: loading
 * every profile at start-up must not build an entity graph per row.
 */
@ApplicationScoped
public class MatchSource {

    // A profile is cleared as it says, but never above what an admin vetted for its organization
    // (organization_clearance): a vetting lowered after the profile was saved counts.
    private static final String PROFILES = "SELECT p.id, p.status, oc.clearance, o.risk_tier, p.certifications,"
            + " p.seeking_areas, p.seeking_transfer_types, c.area_code, c.trl, c.mrl, c.monthly_capacity"
            + " FROM manufacturer_profile p JOIN oblast o ON o.code = p.oblast_code"
            + " JOIN organization_clearance oc ON oc.organization_id = p.organization_id"
            + " LEFT JOIN profile_capability c ON c.profile_id = p.id";
    private static final String OFFERS = "SELECT id, status, areas, transfer_type, min_trl, min_mrl, min_monthly_capacity,"
            + " required_certifications, required_clearance, classification, max_risk_tier, target_volume FROM transfer_offer";

    @Inject
    AgroalDataSource dataSource;

    public List<ProfileData> allProfiles() {
        return profiles(PROFILES + " ORDER BY p.id, c.position", null);
    }

    public Optional<ProfileData> profile(long id) {
        return profiles(PROFILES + " WHERE p.id = ? ORDER BY c.position", id).stream().findFirst();
    }

    public List<OfferData> allOffers() {
        return offers(OFFERS + " ORDER BY id", null);
    }

    public Optional<OfferData> offer(long id) {
        return offers(OFFERS + " WHERE id = ?", id).stream().findFirst();
    }

    private List<ProfileData> profiles(String sql, Long id) {
        List<ProfileData> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setLong(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                long current = -1;
                Object[] head = null;
                List<Capability> capabilities = new ArrayList<>();
                while (rs.next()) {
                    long profileId = rs.getLong(1);
                    if (profileId != current) {
                        if (head != null) {
                            result.add(profile(current, head, capabilities));
                        }
                        current = profileId;
                        head = new Object[] {rs.getString(2), rs.getString(3), rs.getInt(4), strings(rs.getArray(5)),
                                strings(rs.getArray(6)), strings(rs.getArray(7))};
                        capabilities = new ArrayList<>();
                    }
                    String area = rs.getString(8);
                    if (area != null) {
                        capabilities.add(new Capability(area, rs.getInt(9), rs.getInt(10), rs.getDouble(11)));
                    }
                }
                if (head != null) {
                    result.add(profile(current, head, capabilities));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read profiles for the matcher", e);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static ProfileData profile(long id, Object[] head, List<Capability> capabilities) {
        return new ProfileData(id, "PUBLISHED".equals(head[0]), Classification.valueOf((String) head[1]).rank(),
                (Integer) head[2], (Set<String>) head[3], capabilities, (Set<String>) head[4], (Set<String>) head[5]);
    }

    private List<OfferData> offers(String sql, Long id) {
        List<OfferData> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setLong(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new OfferData(rs.getLong(1), "OPEN".equals(rs.getString(2)),
                            List.copyOf(strings(rs.getArray(3))), rs.getString(4), rs.getInt(5), rs.getInt(6),
                            nullableDouble(rs, 7), strings(rs.getArray(8)),
                            Classification.valueOf(rs.getString(9)).rank(), Classification.valueOf(rs.getString(10)).rank(),
                            nullableInt(rs, 11), nullableDouble(rs, 12)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read offers for the matcher", e);
        }
        return result;
    }

    private static Set<String> strings(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return new java.util.LinkedHashSet<>(List.of((String[]) array.getArray()));
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
